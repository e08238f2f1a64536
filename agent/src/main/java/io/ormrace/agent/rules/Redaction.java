package io.ormrace.agent.rules;

/**
 * Keeps data out of reports: literals in SQL text become {@code ?}, comments are dropped, bound values are not shown.
 * The text is lexed, not parsed, so that a statement no parser understands is masked too: quoted strings (with
 * {@code ''} and backslash escapes, and {@code E'..'}, {@code N'..'}, {@code X'..'} prefixes), PostgreSQL's
 * dollar-quoted strings, and numbers (hexadecimal and exponents too). Identifiers, quoted or not, stay.
 */
public final class Redaction {

    private final boolean redact;

    public Redaction(boolean redact) {
        this.redact = redact;
    }

    public String sql(String sql) {
        if (sql == null || !redact) {
            return sql;
        }
        return mask(sql);
    }

    public String value(Object value) {
        return redact ? "?" : String.valueOf(value);
    }

    public boolean redacts() {
        return redact;
    }

    static String mask(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipQuoted(sql, i);
                out.append('?');
            } else if ((c == 'E' || c == 'e' || c == 'N' || c == 'n' || c == 'X' || c == 'x' || c == 'B' || c == 'b')
                    && i + 1 < n && sql.charAt(i + 1) == '\'' && !identifierAt(sql, i - 1)) {
                i = skipQuoted(sql, i + 1);
                out.append('?');
            } else if (c == '$' && dollarTag(sql, i) != null && !identifierAt(sql, i - 1)) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
                out.append('?');
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = sql.indexOf(close, i + 1);
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (Character.isDigit(c) && !identifierAt(sql, i - 1)) {
                i = skipNumber(sql, i);
                out.append('?');
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i;
                while (end < n && identifierPart(sql.charAt(end))) {
                    end++;
                }
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after a string starting at {@code quote}; an unterminated one runs to the end (and is all masked). */
    private static int skipQuoted(String sql, int quote) {
        int i = quote + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} opening a dollar-quoted string, or null ({@code $1} is a parameter). */
    private static String dollarTag(String sql, int at) {
        int i = at + 1;
        while (i < sql.length() && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(at, i + 1) : null;
    }

    private static int skipNumber(String sql, int at) {
        int i = at;
        if (sql.startsWith("0x", i) || sql.startsWith("0X", i)) {
            i += 2;
        }
        while (i < sql.length()) {
            char c = sql.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E');
            if (Character.isLetterOrDigit(c) || c == '.' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean identifierAt(String sql, int index) {
        return index >= 0 && (identifierPart(sql.charAt(index)) || sql.charAt(index) == '.' && index > 0
                && identifierPart(sql.charAt(index - 1)));
    }

    private static boolean identifierPart(char c) {
        return Character.isJavaIdentifierPart(c);
    }
}
