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

    static final int ROWS = 512;
    static final int LOOKUPS = 64;
    static final int OPEN_RESULT_SETS = 64;

    private final Deque<RowRead> rows = new ArrayDeque<>();
    private final Deque<EmptyLookup> lookups = new ArrayDeque<>();
    private final Map<Object, ResultSetState> resultSets = new IdentityHashMap<>();

    public void remember(RowRead row) {
        if (rows.size() >= ROWS) {
            rows.removeLast();
        }
        rows.addFirst(row);
    }

    /** Newest first. */
    public Iterable<RowRead> rows() {
        return rows;
    }

    public void replace(RowRead old, RowRead updated) {
        Iterator<RowRead> it = rows.iterator();
        while (it.hasNext()) {
            if (it.next() == old) {
                it.remove();
                break;
            }
        }
        rows.addFirst(updated);
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
