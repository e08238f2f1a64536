package io.ormrace.agent.state;

import java.math.BigDecimal;
import java.nio.ByteBuffer;

/**
 * A value as an index key, so that a row read through the driver (a {@code Long}, a {@code BigDecimal}) is found by
 * the value the application bound ({@code Integer}, {@code String}): numbers by their value, binary by content,
 * anything else by its text. Coarse on purpose; the rules compare the rows found exactly.
 */
public final class KeyValue {

    private KeyValue() {
    }

    /** The key, or null for a null value (no row matches {@code col = null}). */
    public static Object of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return number.toString();
            }
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        return value.toString();
    }
}
