package io.ormrace.analyzer.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates source text the way hands and merges break it: tokens and lines deleted, duplicated, swapped, the text
 * cut short, words of the language dropped in anywhere, a call chain repeated, an argument list emptied or filled
 * with too many arguments, a name swapped for another name of the same text.
 */
final class Mutator {

    /**
     * Whitespace, comments, text blocks, string and character literals, names, numbers, operators, anything else.
     * The literals are unrolled loops: an alternation under a star recurses once a character, past the stack on a
     * long line.
     */
    private static final Pattern TOKEN = Pattern.compile("\\s+|//[^\\n]*|/\\*.*?\\*/|\"\"\"[\\s\\S]*?\"\"\""
            + "|\"[^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+\"|'[^'\\\\\\n]*+(?:\\\\.[^'\\\\\\n]*+)*+'|\\$\\$.*?\\$\\$|[\\p{L}_$][\\p{L}\\p{N}_$]*|\\d[\\w.]*"
            + "|->|::|\\+\\+|--|&&|\\|\\||[-+*/%&|^!=<>]=?|.", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final Pattern CALL = Pattern.compile("\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*\\s*\\(");
    private static final Pattern ARGUMENTS = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*\\s*\\(");

    private final List<String> words;
    private final List<String> arguments;

    Mutator(List<String> words, List<String> arguments) {
        this.words = words;
        this.arguments = arguments;
    }

    /** Applies a few mutations, each chosen by the numbers. */
    String mutate(String text, Choices choices, int mutations) {
        String mutated = text;
        for (int i = 0; i < mutations; i++) {
            mutated = once(mutated, choices);
        }
        return mutated;
    }

    String once(String text, Choices c) {
        return switch (c.below(12)) {
            case 0 -> deleteToken(text, c);
            case 1 -> duplicateToken(text, c);
            case 2 -> swapTokens(text, c);
            case 3 -> deleteLine(text, c);
            case 4 -> duplicateLine(text, c);
            case 5 -> swapLines(text, c);
            case 6 -> text.substring(0, c.below(text.length() + 1));
            case 7 -> insert(text, c, c.pick(words));
            case 8 -> repeatCall(text, c);
            case 9 -> replaceArguments(text, c);
            case 10 -> replaceName(text, c);
            default -> insert(text, c, c.pick("{", "}", "(", ")", ";", "\"", "'", "/*", "*/", "\"\"\"", "<", ">", "@", "\\", "\u0000"));
        };
    }

    private static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().isBlank()) {
                tokens.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        return tokens;
    }

    private static String deleteToken(String text, Choices c) {
        List<int[]> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return text;
        }
        int[] token = c.pick(tokens);
        return text.substring(0, token[0]) + text.substring(token[1]);
    }

    private static String duplicateToken(String text, Choices c) {
        List<int[]> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return text;
        }
        int[] token = c.pick(tokens);
        String repeated = text.substring(token[0], token[1]);
        return text.substring(0, token[1]) + " " + repeated + text.substring(token[1]);
    }

    private static String swapTokens(String text, Choices c) {
        List<int[]> tokens = tokens(text);
        if (tokens.size() < 2) {
            return text;
        }
        int[] a = c.pick(tokens);
        int[] b = c.pick(tokens);
        if (a[0] > b[0]) {
            int[] t = a;
            a = b;
            b = t;
        }
        if (a[0] == b[0]) {
            return text;
        }
        return text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1], b[0])
                + text.substring(a[0], a[1]) + text.substring(b[1]);
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    private static String deleteLine(String text, Choices c) {
        List<String> lines = lines(text);
        lines.remove(c.below(lines.size()));
        return String.join("\n", lines);
    }

    private static String duplicateLine(String text, Choices c) {
        List<String> lines = lines(text);
        int line = c.below(lines.size());
        // not 50: a line opening a lambda argument, repeated, nests lambdas that JavaParser parses in time exponential
        // in their depth (FuzzRegressionTest.lambdasNestedTwentyFiveDeepAsArguments); 8 still parses in well under a second
        int times = c.pick(1, 2, 5, 8);
        for (int i = 0; i < times; i++) {
            lines.add(line, lines.get(line));
        }
        return String.join("\n", lines);
    }

    private static String swapLines(String text, Choices c) {
        List<String> lines = lines(text);
        int a = c.below(lines.size());
        int b = c.below(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return String.join("\n", lines);
    }

    private static String insert(String text, Choices c, String word) {
        List<int[]> tokens = tokens(text);
        int at = tokens.isEmpty() ? 0 : c.pick(tokens)[c.below(2)];
        return text.substring(0, at) + " " + word + " " + text.substring(at);
    }

    /** {@code x.a().b()} to {@code x.a().b().b().b()}: a chain of the same call, a few or many links long. */
    private static String repeatCall(String text, Choices c) {
        List<int[]> calls = matches(CALL, text);
        if (calls.isEmpty()) {
            return text;
        }
        int[] call = c.pick(calls);
        int end = closing(text, call[1] - 1);
        if (end < 0) {
            return text;
        }
        String link = text.substring(call[0], end + 1);
        if (text.startsWith(link, end + 1)) {
            // a chain this made already: lengthened again, 2000 links overflow the walk's stack
            // (FuzzRegressionTest.aCallChainTwoThousandLinksLong)
            return text;
        }
        int times = c.pick(2, 3, 10, 100, 1000);
        return text.substring(0, end + 1) + link.repeat(times) + text.substring(end + 1);
    }

    /** A call's arguments dropped, or replaced by one to many others. */
    private String replaceArguments(String text, Choices c) {
        List<int[]> calls = matches(ARGUMENTS, text);
        if (calls.isEmpty()) {
            return text;
        }
        int[] call = c.pick(calls);
        int open = call[1] - 1;
        int end = closing(text, open);
        if (end < 0) {
            return text;
        }
        int count = c.pick(0, 1, 2, 3, 4, 8, 30);
        List<String> replaced = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replaced.add(c.pick(arguments));
        }
        return text.substring(0, open + 1) + String.join(", ", replaced) + text.substring(end);
    }

    private static String replaceName(String text, Choices c) {
        List<int[]> names = matches(NAME, text);
        if (names.size() < 2) {
            return text;
        }
        int[] target = c.pick(names);
        int[] source = c.pick(names);
        return text.substring(0, target[0]) + text.substring(source[0], source[1]) + text.substring(target[1]);
    }

    private static List<int[]> matches(Pattern pattern, String text) {
        List<int[]> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(new int[] {matcher.start(), matcher.end()});
        }
        return found;
    }

    /** The index of the parenthesis that closes the one at {@code open}, strings skipped; -1 when none does. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != ch && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
