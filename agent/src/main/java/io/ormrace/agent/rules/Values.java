package io.ormrace.agent.rules;

import io.ormrace.agent.sql.Operand;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Comparing the values a driver hands back with the values the application binds. */
public final class Values {

    private static final Pattern ENUM_LIKE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Values() {
    }

    /** The value of an operand, or {@link #UNKNOWN} for something the database computes. */
    public static Object resolve(Operand operand, Object[] binds) {
        if (operand instanceof Operand.Param param) {
            return param.index() >= 1 && param.index() <= binds.length ? binds[param.index() - 1] : UNKNOWN;
        }
        if (operand instanceof Operand.Literal literal) {
            return literal.value();
        }
        return UNKNOWN;
    }

    public static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };

    public static boolean same(Object a, Object b) {
        if (a == UNKNOWN || b == UNKNOWN) {
            return false;
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() == b.getClass() && !(a instanceof BigDecimal)) {
            return a.equals(b) || a instanceof byte[] x && Arrays.equals(x, (byte[]) b);
        }
        if (integral(a) && integral(b)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        if (a instanceof Number x && b instanceof Number y) {
            BigDecimal bx = decimal(x);
            BigDecimal by = decimal(y);
            return bx != null && by != null ? bx.compareTo(by) == 0 : x.equals(y);
        }
        if (a instanceof Character || b instanceof Character) {
            return a.toString().equals(b.toString());
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a.equals(b) || a.toString().equals(b.toString()) && a.getClass().getName().startsWith("java.");
    }

    /**
     * Whether {@code written} looks computed from {@code read} rather than chosen regardless of it: a numeric delta,
     * a string built from the old one, a flag flipped, or a state moved to another state (an enum's name or ordinal).
     * Anything else (a new timestamp, a new name) is taken as a blind write, which no lock would have made right.
     */
    public static boolean derived(Object read, Object written) {
        if (read == null || written == null || read == UNKNOWN || written == UNKNOWN) {
            return false;
        }
        if (read instanceof Number && written instanceof Number) {
            return true;
        }
        if (read instanceof Boolean && written instanceof Boolean) {
            return true;
        }
        if (read instanceof CharSequence || read instanceof Character) {
            String before = read.toString();
            String after = written.toString();
            if (!before.isEmpty() && (after.contains(before) || before.contains(after) && !after.isEmpty())) {
                return true;
            }
            return ENUM_LIKE.matcher(before).matches() && ENUM_LIKE.matcher(after).matches();
        }
        return false;
    }

    /** The change, for the message: {@code 10 -> 9 (-1)}. */
    public static String describe(Object read, Object written) {
        if (read instanceof Number x && written instanceof Number y) {
            BigDecimal bx = decimal(x);
            BigDecimal by = decimal(y);
            if (bx != null && by != null) {
                BigDecimal delta = by.subtract(bx);
                return read + " -> " + written + " (" + (delta.signum() >= 0 ? "+" : "") + delta.toPlainString() + ")";
            }
        }
        return read + " -> " + written;
    }

    private static boolean integral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static BigDecimal decimal(Number number) {
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
