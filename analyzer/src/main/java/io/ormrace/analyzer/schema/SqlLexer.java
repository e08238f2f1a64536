package io.ormrace.analyzer.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts SQL text into tokens, for every dialect at once: strings in single quotes (doubled or backslash-escaped
 * quotes) and dollar quotes ({@code $$...$$}, {@code $body$...$body$}), names in double quotes, backticks or
 * brackets, {@code --} and block comments, and {@code #} comments that begin a line (MySQL; elsewhere {@code #} is
 * an operator in PostgreSQL). Each token knows its line. Never fails: an unterminated string or comment runs to the
 * end of the text.
 */
final class SqlLexer {

    enum Kind {
        /** An unquoted identifier or keyword, as written. */
        WORD,
        /** A quoted identifier; {@link Token#text} is its name without the quotes. */
        QUOTED_NAME,
        STRING,
        NUMBER,
        /** One character of punctuation, or {@code ::}. */
        SYMBOL,
        COMMENT,
        /** The script's current statement delimiter, when one was set. */
        DELIMITER
    }

    record Token(Kind kind, String text, int start, int end, int line) {

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private final String text;
    private int position;
    private int line = 1;
    private String delimiter;

    SqlLexer(String text) {
        this.text = text;
    }

    /** The tokens of a statement, comments left out. */
    static List<Token> tokens(String text) {
        SqlLexer lexer = new SqlLexer(text);
        List<Token> tokens = new ArrayList<>();
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            if (token.kind() != Kind.COMMENT) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** From now on, {@code delimiter} ends statements: it is read as a {@link Kind#DELIMITER}, before anything else. */
    void delimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    /** The next token, or null at the end of the text. */
    Token next() {
        skipWhitespace();
        if (position >= text.length()) {
            return null;
        }
        int start = position;
        int startLine = line;
        Kind kind = scan();
        String value = kind == Kind.QUOTED_NAME ? unquote(text.substring(start, position)) : text.substring(start, position);
        return new Token(kind, value, start, position, startLine);
    }

    /** Whether only blanks stand between the start of its line and {@code offset}. */
    boolean startsLine(int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The offset of the end of the line {@code offset} is on (its line break, or the end of the text). */
    int lineEnd(int offset) {
        int end = offset;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    /** Moves on to the end of the current line, reading nothing in between. */
    void skipToLineEnd() {
        position = lineEnd(position);
    }

    private Kind scan() {
        char c = text.charAt(position);
        char after = charAt(position + 1);
        if (delimiter != null && text.startsWith(delimiter, position)) {
            position += delimiter.length();
            return Kind.DELIMITER;
        }
        if (c == '-' && after == '-' || c == '#' && after != '>' && startsLine(position)) {
            skipToLineEnd();
            return Kind.COMMENT;
        }
        if (c == '/' && after == '*') {
            int end = text.indexOf("*/", position + 2);
            advanceTo(end < 0 ? text.length() : end + 2);
            return Kind.COMMENT;
        }
        if (c == '\'') {
            scanString();
            return Kind.STRING;
        }
        if (c == '"' || c == '`') {
            scanQuoted(c);
            return Kind.QUOTED_NAME;
        }
        if (c == '[') {
            int close = text.indexOf(']', position);
            if (close > 0 && close < lineEnd(position)) {
                position = close + 1;
                return Kind.QUOTED_NAME;
            }
        }
        if (c == '$') {
            String tag = dollarTag();
            if (tag != null) {
                int end = text.indexOf(tag, position + tag.length());
                advanceTo(end < 0 ? text.length() : end + tag.length());
                return Kind.STRING;
            }
        }
        if (isWordStart(c) || c == '$' && after == '{') {
            scanWord();
            return Kind.WORD;
        }
        if (Character.isDigit(c)) {
            while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '.')) {
                position++;
            }
            return Kind.NUMBER;
        }
        position += c == ':' && after == ':' ? 2 : 1;
        return Kind.SYMBOL;
    }

    private void scanString() {
        int i = position + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'' && charAt(i + 1) == '\'') {
                i += 2;
            } else if (c == '\'') {
                advanceTo(i + 1);
                return;
            } else {
                i++;
            }
        }
        advanceTo(text.length());
    }

    private void scanQuoted(char quote) {
        int i = position + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (charAt(i + 1) != quote) {
                    advanceTo(i + 1);
                    return;
                }
                i++;
            }
            i++;
        }
        advanceTo(text.length());
    }

    /** {@code $$} or {@code $tag$} opening a dollar-quoted string here, else null ({@code $1} is a parameter). */
    private String dollarTag() {
        if (position > 0 && isWordPart(text.charAt(position - 1))) {
            return null;
        }
        int i = position + 1;
        if (isWordStart(charAt(i))) {
            while (Character.isLetterOrDigit(charAt(i)) || charAt(i) == '_') {
                i++;
            }
        }
        return charAt(i) == '$' ? text.substring(position, i + 1) : null;
    }

    private void scanWord() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (delimiter != null && text.startsWith(delimiter, position)) {
                // END$$ ends the word before a DELIMITER $$
                return;
            }
            if (c == '$' && charAt(position + 1) == '{') {
                int close = text.indexOf('}', position);
                if (close < 0) {
                    position++;
                    return;
                }
                position = close + 1;
            } else if (isWordPart(c)) {
                position++;
            } else {
                return;
            }
        }
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            if (text.charAt(position) == '\n') {
                line++;
            }
            position++;
        }
    }

    /** Moves to {@code end} over text that may hold line breaks. */
    private void advanceTo(int end) {
        for (int i = position; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        position = end;
    }

    private char charAt(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
    }

    private static String unquote(String quoted) {
        char open = quoted.charAt(0);
        char close = open == '[' ? ']' : open;
        String inner = quoted.length() >= 2 && quoted.charAt(quoted.length() - 1) == close
                ? quoted.substring(1, quoted.length() - 1) : quoted.substring(1);
        return open == '[' ? inner : inner.replace(String.valueOf(open) + open, String.valueOf(open));
    }
}
