package io.ormrace.analyzer.flow;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The variables of one method and their values: a few, looked up by name, and copied at every branch, loop and try to
 * be joined after it. A copy shares the arrays until one side changes a variable, so a branch that changes nothing
 * costs nothing (copying a hash map at each branch was a fifth of the walk's allocation).
 */
final class Locals extends AbstractMap<String, Value> {

    private String[] names;
    /** Each name's hash, compared before the name: most lookups are of a name the map does not hold. */
    private int[] hashes;
    private Value[] values;
    private int size;
    /** Whether another map holds these arrays: copy them before a change. */
    private boolean shared;

    Locals() {
        names = new String[8];
        hashes = new int[8];
        values = new Value[8];
    }

    Locals(Map<String, Value> from) {
        this();
        putAll(from);
    }

    private Locals(Locals from) {
        setTo(from);
    }

    Locals copy() {
        return new Locals(this);
    }

    /** Holds what {@code other} holds, sharing its arrays until one of them changes. */
    void setTo(Locals other) {
        names = other.names;
        hashes = other.hashes;
        values = other.values;
        size = other.size;
        shared = true;
        other.shared = true;
    }

    private int indexOf(Object name) {
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && (names[i] == name || names[i].equals(name))) {
                return i;
            }
        }
        return -1;
    }

    private void own(int capacity) {
        if (shared || capacity > names.length) {
            int length = Math.max(capacity > names.length ? names.length * 2 : names.length, capacity);
            names = Arrays.copyOf(names, length);
            hashes = Arrays.copyOf(hashes, length);
            values = Arrays.copyOf(values, length);
            shared = false;
        }
    }

    /**
     * What each variable holds after a path that left the variables as in {@code a} and one that left them as in
     * {@code b}. Both are copies of one map taken before the paths, so a variable is mostly at the same place in both,
     * and where no path changed anything the arrays are still the same ones.
     */
    static Locals join(Locals a, Locals b, java.util.function.BinaryOperator<Value> join) {
        Locals joined = a.copy();
        if (a.names == b.names && a.values == b.values && a.size == b.size) {
            return joined;
        }
        for (int i = 0; i < b.size; i++) {
            String name = b.names[i];
            Value value = b.values[i];
            int at = i < joined.size && joined.names[i] == name ? i : joined.indexOf(name);
            Value old = at < 0 ? null : joined.values[at];
            if (old == null) {
                joined.put(name, value);
                continue;
            }
            Value merged = old == value ? old : join.apply(old, value);
            if (merged == null) {
                joined.removeAt(at);
            } else if (merged != old) {
                joined.own(joined.size);
                joined.values[at] = merged;
            }
        }
        return joined;
    }

    @Override
    public Value get(Object name) {
        int at = indexOf(name);
        return at < 0 ? null : values[at];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public Value put(String name, Value value) {
        int at = indexOf(name);
        if (at >= 0) {
            Value old = values[at];
            if (old != value) {
                own(size);
                values[at] = value;
            }
            return old;
        }
        own(size + 1);
        names[size] = name;
        hashes[size] = name.hashCode();
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public Value remove(Object name) {
        int at = indexOf(name);
        if (at < 0) {
            return null;
        }
        Value old = values[at];
        removeAt(at);
        return old;
    }

    private void removeAt(int at) {
        own(size);
        System.arraycopy(names, at + 1, names, at, size - at - 1);
        System.arraycopy(hashes, at + 1, hashes, at, size - at - 1);
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        names[size] = null;
        values[size] = null;
    }

    @Override
    public void clear() {
        names = new String[8];
        hashes = new int[8];
        values = new Value[8];
        size = 0;
        shared = false;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super Value> action) {
        String[] heldNames = names; // the action may change this map (a join merges into its own copy, not this one)
        Value[] heldValues = values;
        int held = size;
        for (int i = 0; i < held; i++) {
            action.accept(heldNames[i], heldValues[i]);
        }
    }

    @Override
    public Set<Entry<String, Value>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Value>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private boolean removable;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Value> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        removable = true;
                        Entry<String, Value> entry = new SimpleImmutableEntry<>(names[next], values[next]);
                        next++;
                        return entry;
                    }

                    @Override
                    public void remove() {
                        if (!removable) {
                            throw new IllegalStateException();
                        }
                        removable = false;
                        removeAt(--next);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
