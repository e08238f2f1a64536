package io.ormrace.analyzer.flow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The shapes of names the walk asks about at nearly every call ({@code getX}, {@code setX}, {@code MAX_SIZE}), checked
 * without a regular expression, and the conventions that need one, remembered per name: a code base has a few thousand
 * method names and the walk asks millions of times.
 */
final class NameShapes {

    /** A remembered answer of one pattern, per name. */
    static final class Convention {
        private final Pattern pattern;
        private final boolean prefix;
        private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

        private Convention(Pattern pattern, boolean prefix) {
            this.pattern = pattern;
            this.prefix = prefix;
        }

        /** A name the pattern matches whole. */
        static Convention whole(String regex) {
            return new Convention(Pattern.compile(regex), false);
        }

        /** A name that begins with what the pattern matches. */
        static Convention start(String regex) {
            return new Convention(Pattern.compile(regex), true);
        }

        boolean test(String name) {
            Boolean known = answers.get(name);
            if (known == null) {
                known = prefix ? pattern.matcher(name).lookingAt() : pattern.matcher(name).matches();
                answers.put(name, known);
            }
            return known;
        }
    }

    private NameShapes() {
    }

    /** {@code (get|is)[A-Z]\w*} */
    static boolean getter(String name) {
        return prefixed(name, "get") || prefixed(name, "is");
    }

    /** {@code (get|is|has)[A-Z]\w*} */
    static boolean query(String name) {
        return getter(name) || prefixed(name, "has");
    }

    /** {@code set[A-Z]\w*} */
    static boolean setter(String name) {
        return prefixed(name, "set");
    }

    /** The property of {@code (set|get|is)([A-Z]\w*)}, with its first letter as written, or null. */
    static String accessedProperty(String name) {
        if (prefixed(name, "set") || prefixed(name, "get")) {
            return name.substring(3);
        }
        return prefixed(name, "is") ? name.substring(2) : null;
    }

    /** {@code [A-Z][A-Z0-9_]*}: a constant's name. */
    static boolean constant(String name) {
        if (name.isEmpty() || !upper(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!upper(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** {@code prefix[A-Z]\w*} */
    private static boolean prefixed(String name, String prefix) {
        int at = prefix.length();
        if (name.length() <= at || !name.startsWith(prefix) || !upper(name.charAt(at))) {
            return false;
        }
        for (int i = at + 1; i < name.length(); i++) {
            if (!word(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
