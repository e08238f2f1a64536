package io.ormrace.agent.state;

import java.util.Map;

/**
 * One row of one table as the application read it.
 *
 * @param read        the values the application took from the result set, by lower-case column
 * @param known       values the row is known to have without reading them: the select's {@code where col = ?}
 * @param locked      read with {@code for update}/{@code for share} inside a transaction
 */
public record RowRead(String table, Map<String, Object> read, Map<String, Object> known, boolean locked,
        ConnectionState connection, long transaction, CallSite site, String sql) {

    public Object value(String column) {
        Object value = read.get(column);
        return value != null || read.containsKey(column) ? value : known.get(column);
    }

    public boolean has(String column) {
        return read.containsKey(column) || known.containsKey(column);
    }
}
