package io.ormrace.agent.state;

import io.ormrace.agent.sql.ColumnRef;
import io.ormrace.agent.sql.SqlShape;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A result set being read: which statement produced it, the row being read, and how many rows came back. */
public final class ResultSetState {

    public final SqlShape.Select shape;
    public final Object[] binds;
    public final ConnectionState connection;
    public final long transaction;
    public final boolean locked;
    public final Caller caller;
    /** Weakly, as every object of the application's the agent keeps. */
    private final java.lang.ref.WeakReference<Object> resultSet;
    public int rows;
    public boolean finished;
    public String[] metadataNames;
    /** What {@code select count(*)} said, as read. */
    public Object count;

    private boolean inRow;
    /** The row being read, per table: most selects read one table, so one map and no grouping. */
    private String rowTable;
    private Map<String, Object> rowValues;
    private Map<String, Map<String, Object>> otherTables;
    /** For {@code in (...)} lookups: the values that did come back, per column. */
    private Map<ColumnRef, Set<Object>> returned;

    public ResultSetState(SqlShape.Select shape, Object[] binds, ConnectionState connection, long transaction,
            boolean locked, Caller caller, Object resultSet) {
        this.shape = shape;
        this.binds = binds;
        this.connection = connection;
        this.transaction = transaction;
        this.locked = locked;
        this.caller = caller;
        this.resultSet = new java.lang.ref.WeakReference<>(resultSet);
    }

    /** The application's result set, or null once it was collected. */
    public Object resultSet() {
        return resultSet.get();
    }

    public boolean inRow() {
        return inRow;
    }

    public void startRow() {
        rows++;
        inRow = true;
    }

    /** The row was remembered as read so far; values read from it later are remembered with the next flush. */
    public void continueRow() {
        inRow = true;
    }

    public void put(ColumnRef column, Object value) {
        if (rowValues == null || rowTable.equals(column.table())) {
            if (rowValues == null) {
                rowTable = column.table();
                rowValues = new HashMap<>(8);
            }
            rowValues.put(column.column(), value);
        } else {
            if (otherTables == null) {
                otherTables = new HashMap<>(4);
            }
            otherTables.computeIfAbsent(column.table(), t -> new HashMap<>(8)).put(column.column(), value);
        }
        if (!shape.inLists().isEmpty()) {
            if (returned == null) {
                returned = new HashMap<>();
            }
            returned.computeIfAbsent(column, c -> new HashSet<>()).add(KeyValue.of(value));
        }
    }

    /** The row just read, by table, and the state ready for the next row. */
    public Map<String, Map<String, Object>> endRow() {
        inRow = false;
        if (rowValues == null) {
            return Map.of();
        }
        Map<String, Map<String, Object>> row = otherTables == null ? Map.of(rowTable, rowValues) : otherTables;
        if (otherTables != null) {
            otherTables.put(rowTable, rowValues);
        }
        rowTable = null;
        rowValues = null;
        otherTables = null;
        return row;
    }

    /** Whether an {@code in (...)} value came back in some row of this column. */
    public boolean returned(ColumnRef column, Object value) {
        Set<Object> values = returned == null ? null : returned.get(column);
        return values != null && values.contains(KeyValue.of(value));
    }
}
