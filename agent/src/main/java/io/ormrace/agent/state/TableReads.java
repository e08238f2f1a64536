package io.ormrace.agent.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one table one thread read lately, bounded: a ring, the newest row overwriting the oldest. Updates find
 * their rows by key: the first update by a set of where columns keys every row by those columns, and later ones scan
 * the keys' hashes, a few cache lines, rather than chase a map's nodes, which are cold by the time the next statement
 * comes (the database's own work in between pushes them out of the cache).
 */
final class TableReads {

    /** Sets of key columns indexed per table; an application updates a table by its primary key, maybe one more. */
    private static final int INDEXES = 4;

    private final RowRead[] ring;
    /** The slot the next row goes to. */
    private int next;
    private final List<KeyIndex> indexes = new ArrayList<>(1);

    TableReads(int limit) {
        ring = new RowRead[limit];
    }

    void add(RowRead row) {
        int slot = next;
        ring[slot] = row;
        for (KeyIndex index : indexes) {
            index.set(slot, row);
        }
        next = slot + 1 == ring.length ? 0 : slot + 1;
    }

    /** Rows that may have these values in these (sorted) columns, newest first: candidates, to be compared exactly. */
    List<RowRead> withKey(String[] columns, Object[] values) {
        KeyIndex index = index(columns);
        Object key = index == null ? null : KeyIndex.key(values);
        if (index != null && key == null) {
            return List.of();
        }
        int hash = key == null ? 0 : key.hashCode();
        List<RowRead> found = null;
        for (int i = 0, slot = next; i < ring.length; i++) {
            slot = slot == 0 ? ring.length - 1 : slot - 1;
            RowRead row = ring[slot];
            if (row != null && (index == null || index.hashes[slot] == hash && key.equals(index.keys[slot]))) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(row);
            }
        }
        return found == null ? List.of() : found;
    }

    /** The row's key columns changed: it is no longer the row that was read. */
    void forget(RowRead row) {
        for (int slot = 0; slot < ring.length; slot++) {
            if (ring[slot] == row) {
                ring[slot] = null;
                for (KeyIndex index : indexes) {
                    index.set(slot, null);
                }
                return; // a row is remembered once
            }
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
        KeyIndex index = new KeyIndex(columns, ring.length);
        for (int slot = 0; slot < ring.length; slot++) {
            index.set(slot, ring[slot]);
        }
        indexes.add(index);
        return index;
    }

    /** Each slot's key by these columns, and its hash; null where the row is gone or has no value in a column. */
    private static final class KeyIndex {
        final String[] columns;
        final Object[] keys;
        final int[] hashes;

        KeyIndex(String[] columns, int slots) {
            this.columns = columns;
            this.keys = new Object[slots];
            this.hashes = new int[slots];
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

        void set(int slot, RowRead row) {
            Object key = row == null ? null : keyOf(row);
            keys[slot] = key;
            hashes[slot] = key == null ? 0 : key.hashCode();
        }

        private Object keyOf(RowRead row) {
            if (columns.length == 1) {
                Object value = row.value(columns[0]);
                return value == null ? null : KeyValue.of(value);
            }
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = row.value(columns[i]);
                if (values[i] == null) {
                    return null; // not read, or null: no where equality finds it
                }
            }
            return key(values);
        }
    }
}
