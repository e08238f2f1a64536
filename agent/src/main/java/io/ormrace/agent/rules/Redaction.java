package io.ormrace.agent.rules;

import java.util.regex.Pattern;

/** Keeps data out of reports: literals in SQL text become {@code ?}, bound values are not shown. */
public final class Redaction {

    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$\"`])-?\\d+(?:\\.\\d+)?(?![\\w.])");

    private final boolean redact;

    public Redaction(boolean redact) {
        this.redact = redact;
    }

    public String sql(String sql) {
        if (sql == null || !redact) {
            return sql;
        }
        return NUMBER.matcher(STRING.matcher(sql).replaceAll("?")).replaceAll("?");
    }

    public String value(Object value) {
        return redact ? "?" : String.valueOf(value);
    }

    public boolean redacts() {
        return redact;
    }
}
