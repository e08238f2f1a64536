package io.ormrace.agent.state;

import java.util.Map;

/**
 * One row of one table as the application read it. When this thread later writes the row, the values written
 * replace the ones read ({@link #written}), so a second update is compared with what the first one wrote.
 */
public final class RowRead {

    private final String table;
    private final Map<String, Object> read;
    private final Map<String, Object> known;
    private final boolean locked;
    private final ConnectionState connection;
    private final long transaction;
    private final Caller caller;
    private final String sql;

    /**
     * @param read   the values the application took from the result set, by lower-case column (this map is kept)
     * @param known  values the row is known to have without reading them: the select's {@code where col = ?}
     * @param locked read with {@code for update}/{@code for share} inside a transaction
     */
    public RowRead(String table, Map<String, Object> read, Map<String, Object> known, boolean locked,
            ConnectionState connection, long transaction, Caller caller, String sql) {
        this.table = table;
        this.read = read;
        this.known = known;
        this.locked = locked;
        this.connection = connection;
        this.transaction = transaction;
        this.caller = caller;
        this.sql = sql;
    }

    public String table() {
        return table;
    }

    public boolean wasRead(String column) {
        return read.containsKey(column);
    }

    public Object read(String column) {
        return read.get(column);
    }

    /** A value read, or else known from the select's where. */
    public Object value(String column) {
        Object value = read.get(column);
        if (value != null) {
            return value;
        }
        Object fromWhere = known.get(column);
        return fromWhere == null || read.containsKey(column) ? null : fromWhere;
    }

    public boolean has(String column) {
        return read.containsKey(column) || known.containsKey(column);
    }

    /** This thread wrote {@code value} to a column it had read: the row now holds that. */
    public void written(String column, Object value) {
        if (read.containsKey(column)) {
            read.put(column, value);
        }
    }

    public boolean locked() {
        return locked;
    }

    public ConnectionState connection() {
        return connection;
    }

    public long transaction() {
        return transaction;
    }

    public Caller caller() {
        return caller;
    }

    public String sql() {
        return sql;
    }
}
