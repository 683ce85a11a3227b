package io.optcheck.cli;

import io.optcheck.run.ReportDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The output directory: created when missing and checked before a run, not after it. */
final class Outputs {
    private Outputs() {}

    /**
     * Creates {@code dir} when missing and checks that a file can be written in it.
     *
     * @throws BadInput naming the directory, what is in the way, and the fix
     */
    static Path prepare(String dir) {
        Path p = Path.of(dir);
        String fix = " Give --out a directory you can write to (it is created if missing).";
        Path blocker = firstNonDirectory(p.toAbsolutePath());
        if (blocker != null) {
            throw new BadInput(
                    "cannot write the report into '" + dir + "': '" + blocker + "' is a file, not a directory." + fix);
        }
        try {
            Files.createDirectories(p);
            Path probe = Files.createTempFile(p, ".optcheck-write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new BadInput("cannot write the report into '" + dir + "' ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")." + fix);
        }
        return p;
    }

    /**
     * Removes the report files of an earlier run from {@code dir}, so that a run that is killed
     * before it writes leaves no report looking current (the new files are moved in at the end).
     */
    static void retire(Path dir) {
        try {
            ReportDirectory.retire(dir);
        } catch (IOException | SecurityException e) {
            throw new BadInput("cannot replace the report in '" + dir + "' ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Give --out a directory you can write to.");
        }
    }

    /** The first existing path on the way to {@code p} (p included) that is not a directory, or null. */
    private static Path firstNonDirectory(Path p) {
        Path cur = p.getRoot();
        for (Path part : p) {
            cur = cur == null ? part : cur.resolve(part);
            if (Files.exists(cur) && !Files.isDirectory(cur)) {
                return cur;
            }
            if (!Files.exists(cur)) {
                return null;
            }
        }
        return null;
    }
}
