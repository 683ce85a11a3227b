package io.optcheck.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium} package) run as a plain process with a time limit:
 * {@code --dump-dom} for the DOM after scripts would have run, {@code --screenshot} for a PNG.
 * The flags are the ones a root CI container needs; every call gets a fresh profile directory.
 *
 * <p>Without Chromium the test is skipped with a one-line reason, except under {@code CI=true},
 * where a missing browser fails it ({@code .ci/run} installs it).
 */
final class Chromium {
    private static final long TIMEOUT_SECONDS = 90;

    private final String executable;
    private final Path work;

    private Chromium(String executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /** The browser, or a skipped (locally) / failed (CI=true) test when there is none. */
    static Chromium require(Path work) {
        String exe = find();
        if (exe == null) {
            String reason = "headless Chromium not found on PATH (install Debian's 'chromium' package)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + "; under CI=true the browser test must run");
            }
            Assumptions.abort(reason);
        }
        return new Chromium(exe, work);
    }

    private static String find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    /** The serialized DOM of {@code page} after loading (and after any script on it ran). */
    String dumpDom(Path page) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "dom", ".html");
        run(out, List.of("--dump-dom", page.toUri().toString()));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Writes a PNG of {@code page} at 1400 x 2000 pixels. */
    void screenshot(Path page, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(
                Files.createTempFile(work, "shot", ".txt"),
                List.of(
                        "--screenshot=" + png.toAbsolutePath(),
                        "--window-size=1400,2000",
                        page.toUri().toString()));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            fail("Chromium wrote no screenshot to " + png);
        }
    }

    private void run(Path stdout, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> cmd = new ArrayList<>(List.of(
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path stderr = Files.createTempFile(work, "chromium", ".log");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            fail("Chromium exited with " + p.exitValue() + ": " + String.join(" ", cmd) + "\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }
}
