package io.ormrace.analyzer;

/**
 * JavaParser takes time exponential in the depth of block lambdas nested as call arguments
 * ({@code f(a -> { g(b -> { h(c -> { ... }) }) })}): about 1.6 times more per level, seconds at 16 levels, and no
 * end at 50. Such a file is measured from its text before it is parsed, and skipped with a notice past a depth no
 * hand-written code reaches.
 */
final class NestingGuard {

    /** Deeper than this, parsing is skipped. */
    static final int MAX_LAMBDA_DEPTH = 12;

    private NestingGuard() {
    }

    /**
     * The deepest nesting of block lambdas in the text: each {@code ->} followed by {@code {} opens one level, closed
     * with its brace. Strings, characters and comments are skipped.
     */
    static int lambdaDepth(String text) {
        int deepest = 0;
        int braces = 0;
        int[] lambdaBraces = new int[64];
        int lambdas = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
                i = skipTo(text, i, "\n");
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                i = skipTo(text, i + 2, "*/") + 1;
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(text, i, c);
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                if (lambdas > 0 && lambdaBraces[lambdas - 1] == braces) {
                    lambdas--;
                }
                braces--;
            } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '>') {
                int next = i + 2;
                while (next < length && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                if (next < length && text.charAt(next) == '{') {
                    braces++;
                    if (lambdas == lambdaBraces.length) {
                        return lambdas + 1; // far past any limit: the exact depth does not matter
                    }
                    lambdaBraces[lambdas] = braces;
                    lambdas++;
                    deepest = Math.max(deepest, lambdas);
                    i = next;
                }
            }
        }
        return deepest;
    }

    private static int skipTo(String text, int from, String end) {
        int found = text.indexOf(end, from);
        return found < 0 ? text.length() : found;
    }

    private static int skipQuoted(String text, int start, char quote) {
        if (quote == '"' && text.startsWith("\"\"\"", start)) {
            return skipTo(text, start + 3, "\"\"\"") + 2;
        }
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i;
            }
        }
        return text.length();
    }
}
