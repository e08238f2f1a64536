package io.ormrace.analyzer;

import java.util.Arrays;
import java.util.List;

/**
 * Something in the input the analyzer could not use: reported, skipped, never fatal.
 *
 * @param trace  for an internal error, the first frames of the exception (shown under {@code --verbose})
 */
public record Problem(Level level, String file, int line, String message, List<String> trace) {

    public enum Level {
        WARNING, ERROR
    }

    /** How many frames of an internal error's exception are kept. */
    private static final int FRAMES = 8;

    public Problem {
        trace = List.copyOf(trace);
    }

    public static Problem error(String file, int line, String message) {
        return new Problem(Level.ERROR, file, line, message, List.of());
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(Level.WARNING, file, line, message, List.of());
    }

    /**
     * The analyzer failed on one construct: only that construct is skipped. {@code construct} says what it was
     * doing, as in "reading the entity Order" or "walking OrderService.pay".
     */
    public static Problem internal(String file, int line, String construct, Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage().lines().findFirst().orElse("");
        return new Problem(Level.ERROR, file, line, "internal error while " + construct + ", skipped: "
                + failure.getClass().getName() + message,
                Arrays.stream(failure.getStackTrace()).limit(FRAMES).map(frame -> "at " + frame).toList());
    }

    public boolean isInternal() {
        return !trace.isEmpty() || message.startsWith("internal error");
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + level.name().toLowerCase() + ": " + message;
    }
}
