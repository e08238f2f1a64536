package io.ormrace.agent.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one thread read lately: bounded, so that memory stays flat over millions of statements. A read-modify-write
 * spans a few statements of one thread; anything older than these bounds is not a sequence worth reporting.
 */
public final class ThreadState {

    /** Rows remembered per table, newest first; a read-modify-write is a few statements apart, not hundreds. */
    static final int ROWS_PER_TABLE = 64;
    /**
     * Tables remembered, the least recently read or written forgotten first. A row keeps the stack of the select that
     * read it (up to a few KiB for a deep one, shared by the rows of one result set), so this bounds a thread's memory
     * to a few MiB at worst.
     */
    static final int TABLES = 32;
    static final int LOOKUPS = 64;
    static final int OPEN_RESULT_SETS = 64;

    private final Map<String, TableReads> rows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TableReads> eldest) {
            if (size() <= TABLES) {
                return false;
            }
            if (eldest.getValue() == lastReads) {
                lastTable = null;
                lastReads = null;
            }
            return true;
        }
    };
    /**
     * The table used last, found without the map: a read-modify-write touches one table statement after statement.
     * No other table is touched while it is cached, so it is already the newest in the map's order.
     */
    private String lastTable;
    private TableReads lastReads;
    private final Deque<EmptyLookup> lookups = new ArrayDeque<>();
    /** The open result sets, found by identity; a thread has one or two open, so a short list, scanned. */
    private final java.util.ArrayList<ResultSetState> resultSets = new java.util.ArrayList<>(4);
    private final LastUsed<ConnectionState> connection = new LastUsed<>();
    private final LastUsed<StatementState> statement = new LastUsed<>();

    public void remember(RowRead row) {
        TableReads ofTable = reads(row.table());
        if (ofTable == null) {
            ofTable = new TableReads(ROWS_PER_TABLE);
            rows.put(row.table(), ofTable);
            lastTable = row.table();
            lastReads = ofTable;
        }
        ofTable.add(row);
    }

    private TableReads reads(String table) {
        if (table.equals(lastTable)) {
            return lastReads;
        }
        TableReads found = rows.get(table);
        if (found != null) {
            lastTable = table;
            lastReads = found;
        }
        return found;
    }

    /**
     * The rows of a table this thread read that may have these values in these columns (sorted by name), newest
     * first. Candidates only: values are matched loosely, the caller compares them exactly.
     */
    public List<RowRead> rows(String table, String[] keyColumns, Object[] keyValues) {
        TableReads ofTable = reads(table);
        return ofTable == null ? List.of() : ofTable.withKey(keyColumns, keyValues);
    }

    /** Whether rows of the table are found by this column: a write to it must {@link #forget} the row first. */
    public boolean isKey(String table, String column) {
        TableReads ofTable = reads(table);
        return ofTable != null && ofTable.indexes(column);
    }

    public void forget(RowRead row) {
        TableReads ofTable = reads(row.table());
        if (ofTable != null) {
            ofTable.forget(row);
        }
    }

    /** Whether an insert into the table can match a lookup that found nothing. */
    public boolean lookedUp(String table) {
        for (EmptyLookup lookup : lookups) {
            if (lookup.table().equals(table)) {
                return true;
            }
        }
        return false;
    }

    public void remember(EmptyLookup lookup) {
        if (lookups.size() >= LOOKUPS) {
            lookups.removeLast();
        }
        lookups.addFirst(lookup);
    }

    /** Newest first; removing through the iterator consumes a lookup. */
    public Iterator<EmptyLookup> lookups() {
        return lookups.iterator();
    }

    public LastUsed<ConnectionState> connection() {
        return connection;
    }

    public LastUsed<StatementState> statement() {
        return statement;
    }

    public void open(Object resultSet, ResultSetState state) {
        resultSets.removeIf(open -> open.resultSet() == null); // collected: the application dropped it unclosed
        if (resultSets.size() >= OPEN_RESULT_SETS) {
            resultSets.clear();
        }
        resultSets.add(state);
    }

    /** The result sets this thread has open, most often none or one: a view, read before each statement, not copied. */
    public java.util.Collection<ResultSetState> openResultSets() {
        return java.util.Collections.unmodifiableList(resultSets);
    }

    public ResultSetState resultSet(Object resultSet) {
        for (int i = resultSets.size() - 1; i >= 0; i--) {
            ResultSetState open = resultSets.get(i);
            if (open.resultSet() == resultSet) {
                return open;
            }
        }
        return null;
    }

    public void close(ResultSetState state) {
        resultSets.remove(state);
    }
}
