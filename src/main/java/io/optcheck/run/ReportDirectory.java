package io.optcheck.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The report directory of a run. A run never leaves an older report looking current:
 * {@link #retire} removes the previous report files when the run starts, and {@link #publish}
 * writes the new ones into a temporary directory beside the target and then moves each into place
 * (atomically where the file system can), so a reader sees the old file or the new one, never half
 * of one. A run killed before it publishes leaves no report at all.
 */
public final class ReportDirectory {

    /** The files a run writes. */
    public static final List<String> FILES = List.of("results.json", "summary.md", "index.html");

    private ReportDirectory() {}

    /** What writes the report files into a directory. */
    @FunctionalInterface
    public interface Writer {
        void writeInto(Path dir) throws IOException;
    }

    /** Deletes the report files of an earlier run in {@code dir}; other files stay. */
    public static void retire(Path dir) throws IOException {
        for (String f : FILES) {
            Files.deleteIfExists(dir.resolve(f));
        }
    }

    /** Writes through {@code writer} into a temporary directory beside {@code dir}, then moves the files into {@code dir}. */
    public static void publish(Path dir, Writer writer) throws IOException {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent() == null ? abs : abs.getParent();
        Path tmp = Files.createTempDirectory(
                parent, "." + (abs.getFileName() == null ? "reports" : abs.getFileName()) + ".optcheck-tmp-");
        try {
            writer.writeInto(tmp);
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Path target = abs.resolve(f.getFileName().toString());
                    try {
                        Files.move(f, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } finally {
            try (Stream<Path> left = Files.list(tmp)) {
                for (Path f : left.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }
}
