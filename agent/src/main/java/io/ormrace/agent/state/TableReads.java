package io.ormrace.agent.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of one table one thread read lately, newest first, bounded. Updates find their rows by key: the first
 * update by a set of where columns indexes the rows by those columns, so later ones look up instead of scanning.
 */
final class TableReads {

    /** Sets of key columns indexed per table; an application updates a table by its primary key, maybe one more. */
    private static final int INDEXES = 4;

    private final int limit;
    private final ArrayDeque<RowRead> rows = new ArrayDeque<>();
    private final List<KeyIndex> indexes = new ArrayList<>(1);

    TableReads(int limit) {
        this.limit = limit;
    }

    void add(RowRead row) {
        if (rows.size() >= limit) {
            RowRead oldest = rows.removeLast();
            for (KeyIndex index : indexes) {
                index.remove(oldest);
            }
        }
        rows.addFirst(row);
        for (KeyIndex index : indexes) {
            index.add(row);
        }
    }

    /** Rows that may have these values in these (sorted) columns, newest first: candidates, to be compared exactly. */
    List<RowRead> withKey(String[] columns, Object[] values) {
        KeyIndex index = index(columns);
        if (index == null) {
            return List.copyOf(rows);
        }
        Object key = KeyIndex.key(values);
        ArrayDeque<RowRead> found = key == null ? null : index.byKey.get(key);
        return found == null ? List.of() : new ArrayList<>(found);
    }

    /** The row's key columns changed: it is no longer the row that was read. */
    void forget(RowRead row) {
        removeIdentical(rows.iterator(), row);
        for (KeyIndex index : indexes) {
            index.remove(row);
        }
    }

    boolean indexes(String column) {
        for (KeyIndex index : indexes) {
            for (String key : index.columns) {
                if (key.equals(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    private KeyIndex index(String[] columns) {
        for (KeyIndex index : indexes) {
            if (Arrays.equals(index.columns, columns)) {
                return index;
            }
        }
        if (indexes.size() >= INDEXES) {
            return null;
        }
        KeyIndex index = new KeyIndex(columns, indexes.size());
        for (Iterator<RowRead> oldestFirst = rows.descendingIterator(); oldestFirst.hasNext(); ) {
            index.add(oldestFirst.next());
        }
        indexes.add(index);
        return index;
    }

    private static void removeIdentical(Iterator<RowRead> it, RowRead row) {
        while (it.hasNext()) {
            if (it.next() == row) {
                it.remove();
                return;
            }
        }
    }

    private static final class KeyIndex {
        final String[] columns;
        /** Where a row keeps its key in this index ({@link RowRead#indexKey}), so that removing it needs no lookup. */
        final int slot;
        final Map<Object, ArrayDeque<RowRead>> byKey = new HashMap<>();

        KeyIndex(String[] columns, int slot) {
            this.columns = columns;
            this.slot = slot;
        }

        static Object key(Object[] values) {
            if (values.length == 1) {
                return KeyValue.of(values[0]);
            }
            Object[] keys = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                keys[i] = KeyValue.of(values[i]);
                if (keys[i] == null) {
                    return null;
                }
            }
            return Arrays.asList(keys);
        }

        Object keyOf(RowRead row) {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = row.value(columns[i]);
                if (values[i] == null) {
                    return null; // not read, or null: no where equality finds it
                }
            }
            return key(values);
        }

        void add(RowRead row) {
            Object key = keyOf(row);
            if (key != null) {
                row.indexKey(slot, INDEXES, key);
                ArrayDeque<RowRead> same = byKey.get(key);
                if (same == null) {
                    same = new ArrayDeque<>(2);
                    byKey.put(key, same);
                }
                same.addFirst(row);
            }
        }

        void remove(RowRead row) {
            Object key = row.indexKey(slot);
            ArrayDeque<RowRead> found = key == null ? null : byKey.get(key);
            if (found != null) {
                removeIdentical(found.descendingIterator(), row);
                if (found.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
    }
}
