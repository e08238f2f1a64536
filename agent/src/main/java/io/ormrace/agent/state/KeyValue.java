package io.ormrace.agent.state;

import java.math.BigDecimal;
import java.nio.ByteBuffer;

/**
 * A value as an index key, so that a row read through the driver (a {@code Long}, a {@code BigDecimal}) is found by
 * the value the application bound ({@code Integer}, {@code String}): a whole number as a {@code Long} (also when it
 * came as text or as {@code 42.0}), other numbers by their plain text, binary by content, anything else by its text.
 * Coarse on purpose; the rules compare the rows found exactly.
 */
public final class KeyValue {

    private KeyValue() {
    }

    /** The key, or null for a null value (no row matches {@code col = null}). */
    public static Object of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            BigDecimal decimal;
            try {
                decimal = new BigDecimal(number.toString()).stripTrailingZeros();
            } catch (NumberFormatException e) {
                return number.toString(); // NaN, infinity
            }
            if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 19) {
                try {
                    return decimal.longValueExact();
                } catch (ArithmeticException e) {
                    // beyond a long: its plain text, below
                }
            }
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        return text(value.toString());
    }

    /** Text that spells a whole number the way {@code Long.toString} does is that number. */
    private static Object text(String text) {
        int length = text.length();
        int start = length > 1 && text.charAt(0) == '-' ? 1 : 0;
        if (length == start || length - start > 19 || (text.charAt(start) == '0' && length > 1)) {
            return text;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return text;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text; // beyond a long, as a decimal's plain text is
        }
    }
}
