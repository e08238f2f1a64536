package io.ormrace.analyzer.flow;

/**
 * One transaction as the analysis sees it. Identity matters: a lock protects a later write only within the scope it
 * was taken in.
 *
 * @param ownForInsert   begun just for what runs inside it ({@code REQUIRES_NEW}, a nested savepoint), so that a
 *                       failed insert leaves the enclosing transaction usable
 */
public record TxScope(String description, boolean serializable, boolean ownForInsert) {

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
