package io.ormrace.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a finding is suppressed in its source: {@code // ormrace:ignore [rule-id...]} on the flagged line, or
 * {@code @SuppressWarnings("ormrace")} / {@code @SuppressWarnings("ormrace:<rule-id>")} on an enclosing method or
 * class. {@code @SuppressWarnings} is kept in source only, so the agent cannot see it by reflection: both producers
 * read the source text, with this one small lexer, so that they agree.
 */
public final class Suppressions {

    private static final Pattern IGNORE = Pattern.compile("//\\s*ormrace:ignore\\b([^\\n]*)");

    private final SourceLines sources;
    /** Each file read and scanned once, however many findings point into it. */
    private final Map<String, Source> scanned = new ConcurrentHashMap<>();

    public Suppressions(SourceLines sources) {
        this.sources = sources;
    }

    /** Whether the finding is suppressed where it points (its location's file and line). */
    public boolean suppressed(Finding finding) {
        if (!finding.location().known()) {
            return false; // no line to hold a comment: a baseline keeps such a finding out
        }
        Source source = scanned.computeIfAbsent(finding.location().path(), path -> Source.of(sources.lines(path)));
        return source.suppresses(finding.rule(), finding.location().line());
    }

    public List<Finding> unsuppressed(List<Finding> findings) {
        return findings.stream().filter(finding -> !suppressed(finding)).toList();
    }

    static boolean suppressed(Rule rule, List<String> lines, int line) {
        return Source.of(lines).suppresses(rule, line);
    }

    /** A file's lines and its blocks that carry {@code @SuppressWarnings}. */
    private record Source(List<String> lines, List<Block> blocks) {

        static Source of(List<String> lines) {
            return new Source(lines, lines.isEmpty() ? List.of() : Suppressions.blocks(String.join("\n", lines)));
        }

        boolean suppresses(Rule rule, int line) {
            if (line >= 1 && line <= lines.size()) {
                Matcher ignore = IGNORE.matcher(lines.get(line - 1));
                if (ignore.find() && names(rule, ignore.group(1))) {
                    return true;
                }
            }
            for (Block block : blocks) {
                if (block.firstLine <= line && line <= block.lastLine) {
                    for (String value : block.suppressions) {
                        if (value.equals("ormrace") || value.equals("ormrace:" + rule.id())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** An empty list after {@code ormrace:ignore} means every rule; otherwise the ids, separated by spaces or commas. */
    private static boolean names(Rule rule, String list) {
        String rest = list.trim().toLowerCase(Locale.ROOT);
        if (rest.isEmpty() || rest.startsWith("--") || rest.startsWith(":")) {
            return true;
        }
        for (String id : rest.split("[\\s,]+")) {
            if (id.equals(rule.id())) {
                return true;
            }
        }
        return false;
    }

    /** A braced body with the {@code @SuppressWarnings} values of its declaration, from its header's first line. */
    private record Block(int firstLine, int lastLine, List<String> suppressions) {
    }

    /** An open block; one opened inside parentheses keeps the annotations pending outside it, for after it. */
    private record Open(int firstLine, List<String> suppressions, int outerParens, List<String> outerPending,
            int outerPendingLine) {
    }

    /**
     * Only blocks whose declaration carries {@code @SuppressWarnings} are kept. Braces inside parentheses (annotation
     * arrays, lambda bodies passed as arguments) carry none and leave the declaration's pending annotations alone.
     */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        List<String> pending = new ArrayList<>();
        int pendingLine = 0;
        int parens = 0;
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (text.startsWith("//", i)) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(text, i, end);
                i = end;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                line += count(text, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(text, i);
            } else if (c == '@' && annotationAt(text, i + 1)) {
                int start = line;
                int paren = text.indexOf('(', i);
                int end = closing(text, paren);
                for (String value : literals(text.substring(paren, end))) {
                    pending.add(value);
                }
                if (pendingLine == 0) {
                    pendingLine = start;
                }
                line += count(text, i, end);
                i = end;
            } else if (c == '(') {
                parens++;
                i++;
            } else if (c == ')') {
                parens = Math.max(0, parens - 1);
                i++;
            } else if (c == '{') {
                if (parens == 0) {
                    open.push(new Open(pendingLine > 0 ? pendingLine : line, pending, 0, List.of(), 0));
                } else {
                    open.push(new Open(line, List.of(), parens, pending, pendingLine));
                }
                pending = new ArrayList<>();
                pendingLine = 0;
                parens = 0;
                i++;
            } else if (c == '}') {
                pending = new ArrayList<>();
                pendingLine = 0;
                if (!open.isEmpty()) {
                    Open block = open.pop();
                    if (!block.suppressions().isEmpty()) {
                        blocks.add(new Block(block.firstLine(), line, block.suppressions()));
                    }
                    parens = block.outerParens();
                    if (parens > 0) {
                        pending = new ArrayList<>(block.outerPending());
                        pendingLine = block.outerPendingLine();
                    }
                }
                i++;
            } else if (c == ';') {
                if (parens == 0) {
                    pending = new ArrayList<>();
                    pendingLine = 0;
                }
                i++;
            } else {
                i++;
            }
        }
        return blocks;
    }

    private static final Pattern NAME = Pattern.compile("\\s*(?:java\\s*\\.\\s*lang\\s*\\.\\s*)?SuppressWarnings\\s*\\(");

    private static boolean annotationAt(String text, int at) {
        Matcher matcher = NAME.matcher(text).region(at, Math.min(text.length(), at + 64));
        return matcher.lookingAt();
    }

    /** The index just after the parenthesis that closes the one at {@code open}, strings and comments skipped. */
    private static int closing(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipQuoted(text, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static List<String> literals(String arguments) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(arguments);
        while (matcher.find()) {
            values.add(matcher.group(1).trim());
        }
        return values;
    }

    private static int skipQuoted(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
