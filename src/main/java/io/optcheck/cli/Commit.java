package io.optcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The source commit a shard runs, recorded in its results.json so that {@code optcheck merge}
 * refuses shards of different commits: {@code OPTCHECK_COMMIT} when set, else git's
 * {@code HEAD} of the working directory with "-dirty" appended when tracked files differ from it,
 * else "unknown".
 */
final class Commit {

    static final String ENV = "OPTCHECK_COMMIT";
    static final String UNKNOWN = "unknown";

    private Commit() {}

    static String current() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        String head = git("rev-parse", "HEAD");
        if (head == null || head.isBlank()) {
            return UNKNOWN;
        }
        String dirty = git("status", "--porcelain", "--untracked-files=no");
        return head.trim() + (dirty != null && !dirty.isBlank() ? "-dirty" : "");
    }

    private static String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
