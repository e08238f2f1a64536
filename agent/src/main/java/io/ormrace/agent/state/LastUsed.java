package io.ormrace.agent.state;

/**
 * The state of the object a thread used last (its connection, its statement), found by identity without a map:
 * a thread binds, runs and closes one statement after another on one connection.
 */
public final class LastUsed<V> {

    private Object key;
    private V value;

    /** The state, if {@code object} is the one used last; else null. */
    public V get(Object object) {
        return object == key ? value : null;
    }

    public void set(Object object, V state) {
        key = object;
        value = state;
    }

    public void forget(Object object) {
        if (object == key) {
            key = null;
            value = null;
        }
    }
}
