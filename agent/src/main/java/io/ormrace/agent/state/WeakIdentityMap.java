package io.ormrace.agent.state;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State attached to the application's JDBC objects without keeping them alive: keys compared by identity (a
 * driver's {@code equals} is none of our business), entries dropped once the object is collected.
 */
public final class WeakIdentityMap<K, V> {

    private final ConcurrentHashMap<Key<K>, V> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<K> collected = new ReferenceQueue<>();

    public V get(K key) {
        return map.get(new Key<>(key, null));
    }

    public void put(K key, V value) {
        expunge();
        map.put(new Key<>(key, collected), value);
    }

    public void remove(K key) {
        map.remove(new Key<>(key, null));
    }

    public int size() {
        return map.size();
    }

    private void expunge() {
        for (Object gone; (gone = collected.poll()) != null; ) {
            map.remove(gone);
        }
    }

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
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key<?> key) || key.hash != hash) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == key.get();
        }
    }
}
