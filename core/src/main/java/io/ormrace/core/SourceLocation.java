package io.ormrace.core;

import java.util.Objects;

/**
 * A place in application source: a path (relative to the analyzed root where known, else as the producer saw it),
 * a 1-based line and a 1-based column, 0 when the producer does not know the column (the agent only has lines).
 */
public record SourceLocation(String path, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(path, "path");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
        if (column < 0) {
            throw new IllegalArgumentException("column must be 0 (unknown) or more, was " + column);
        }
    }

    /**
     * A runtime finding whose stack held no frame of the application (only JDK, driver, pool and framework code): it
     * has no place in the sources, and reports say so instead of naming a file.
     */
    public static final SourceLocation NO_APPLICATION_FRAME = new SourceLocation("", 1, 0);

    public static SourceLocation lineOnly(String path, int line) {
        return new SourceLocation(path, line, 0);
    }

    /** Whether the location is a place in the sources (not {@link #NO_APPLICATION_FRAME}). */
    public boolean known() {
        return !path.isEmpty();
    }

    @Override
    public String toString() {
        if (!known()) {
            return "(no application frame on the stack)";
        }
        return column == 0 ? path + ":" + line : path + ":" + line + ":" + column;
    }
}
