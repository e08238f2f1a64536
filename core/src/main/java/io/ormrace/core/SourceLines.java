package io.ormrace.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The lines of the source file a finding points at: for suppressions, and for the snippets of the HTML report. */
@FunctionalInterface
public interface SourceLines {

    SourceLines NONE = path -> List.of();

    /** The file's lines, or an empty list when the file is not known. */
    List<String> lines(String path);

    /**
     * Looks a path up as given, then under each root: static findings carry paths relative to the analyzed
     * directory, runtime findings carry package paths ({@code com/acme/Shop.java}) found under a source root.
     */
    static SourceLines under(List<Path> roots) {
        return path -> {
            for (Path root : roots) {
                Path file = root.resolve(path);
                if (Files.isRegularFile(file)) {
                    try {
                        return Files.readAllLines(file, StandardCharsets.UTF_8);
                    } catch (IOException | UncheckedIOException e) {
                        return List.of();
                    }
                }
            }
            return List.of();
        };
    }
}
