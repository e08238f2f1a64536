package io.ormrace.agent.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What one thread read lately: bounded, so that memory stays flat over millions of statements. A read-modify-write
 * spans a few statements of one thread; anything older than these bounds is not a sequence worth reporting.
 */
public final class ThreadState {

    /** Rows remembered per table, newest first; a read-modify-write is a few statements apart, not hundreds. */
    static final int ROWS_PER_TABLE = 64;
    static final int TABLES = 256;
    static final int LOOKUPS = 64;
    static final int OPEN_RESULT_SETS = 64;

    private final Map<String, Deque<RowRead>> rows = new java.util.HashMap<>();
    private final Deque<EmptyLookup> lookups = new ArrayDeque<>();
    private final Map<Object, ResultSetState> resultSets = new IdentityHashMap<>();

    public void remember(RowRead row) {
        Deque<RowRead> ofTable = rows.get(row.table());
        if (ofTable == null) {
            if (rows.size() >= TABLES) {
                rows.clear();
            }
            ofTable = new ArrayDeque<>();
            rows.put(row.table(), ofTable);
        }
        if (ofTable.size() >= ROWS_PER_TABLE) {
            ofTable.removeLast();
        }
        ofTable.addFirst(row);
    }

    /** The rows of a table, newest first. */
    public Iterable<RowRead> rows(String table) {
        Deque<RowRead> ofTable = rows.get(table);
        return ofTable == null ? java.util.List.of() : ofTable;
    }

    public void replace(RowRead old, RowRead updated) {
        Deque<RowRead> ofTable = rows.get(old.table());
        if (ofTable == null) {
            return;
        }
        Iterator<RowRead> it = ofTable.iterator();
        while (it.hasNext()) {
            if (it.next() == old) {
                it.remove();
                break;
            }
        }
        ofTable.addFirst(updated);
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

    public void open(Object resultSet, ResultSetState state) {
        if (resultSets.size() >= OPEN_RESULT_SETS) {
            resultSets.clear();
        }
        resultSets.put(resultSet, state);
    }

    public ResultSetState resultSet(Object resultSet) {
        return resultSets.get(resultSet);
    }

    public void close(Object resultSet) {
        resultSets.remove(resultSet);
    }
}
