package io.ormrace.agent.state;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State attached to the application's JDBC objects without keeping them alive: keys compared by identity (a
 * driver's {@code equals} is none of our business), entries dropped once the object is collected.
 */
public final class WeakIdentityMap<K, V> {

    private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<K> collected = new ReferenceQueue<>();

    public V get(K key) {
        return map.get(new Lookup(key));
    }

    /** Replaces the value of a key already present: a second put of one object is not a second entry. */
    public void put(K key, V value) {
        expunge();
        map.remove(new Lookup(key));
        map.put(new Key<>(key, collected), value);
    }

    public void remove(K key) {
        map.remove(new Lookup(key));
    }

    public int size() {
        return map.size();
    }

    private void expunge() {
        for (Object gone; (gone = collected.poll()) != null; ) {
            map.remove(gone);
        }
    }

    /** What a stored key is; the map holds only these. */
    private static final class Key<K> extends WeakReference<K> {
        private final int hash;

        Key(K referent, ReferenceQueue<K> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return this == other; // the map compares a lookup with a key, never two keys but the same one
        }
    }

    /**
     * What a get or remove asks with: a plain object, not a reference the collector would have to track. The map
     * calls the argument's {@code equals} with the stored key.
     */
    private static final class Lookup {
        private final Object referent;
        private final int hash;

        Lookup(Object referent) {
            this.referent = referent;
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key<?> key && key.hash == hash && key.get() == referent;
        }
    }
}
