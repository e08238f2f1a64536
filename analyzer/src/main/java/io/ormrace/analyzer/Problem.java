package io.ormrace.analyzer;

/** Something in the input the analyzer could not use: reported, skipped, never fatal. */
public record Problem(Level level, String file, int line, String message) {

    public enum Level {
        WARNING, ERROR
    }

    public static Problem error(String file, int line, String message) {
        return new Problem(Level.ERROR, file, line, message);
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(Level.WARNING, file, line, message);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + level.name().toLowerCase() + ": " + message;
    }
}
