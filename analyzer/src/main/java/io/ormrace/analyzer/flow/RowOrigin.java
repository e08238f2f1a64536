package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import io.ormrace.analyzer.code.EntityInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A row read from the database: an entity instance or a JDBC result. It remembers how it was read (locked or not,
 * in which transaction) and the changes made to it that are not written yet.
 */
public final class RowOrigin {

    final String table;
    final EntityInfo entity;
    final Node readAt;
    final String readDescription;
    final Lookup lookup;
    final TxScope scope;
    String lockMode;
    Node lockedAfterReadAt;
    /** For JDBC rows: the selected columns, in order, to name {@code rs.getInt(1)}. */
    List<String> selectedColumns = List.of();
    /** Which API read the row: what the fix advice is written in. */
    public enum Api { SPRING_DATA, JPA, JDBC, MYBATIS, JOOQ }

    Api api;
    /** Whether a persistence context tracks the object: dirty checking writes its changes at commit (not MyBatis's). */
    boolean managed = true;
    /** JPA refused the locking read outside a transaction: nothing after it runs. */
    boolean refusedWithoutTransaction;
    final List<Change> pending = new ArrayList<>();
    /**
     * For an object no persistence context tracks (MyBatis): the columns set from a count or maximum of rows, by
     * column key, written when the object is passed to an update. Null until one is set.
     */
    java.util.Map<String, AggregateSet> aggregatesSet;

    /** A column set in memory from an aggregate ({@code post.setCommentCount(mapper.countByPost(id))}). */
    record AggregateSet(String column, Value value, Node at) {
    }
    /** The method the row was read in, on the walk's call path. */
    Frame frame;

    /**
     * A change to one column, and what it was computed from.
     *
     * @param at        where the change is made (maybe in a helper)
     * @param frame     the method the change is made in, on the walk's call path, or the caller that computed the
     *                  value a helper sets as passed
     * @param leading   the node of {@code frame} that makes the change, or calls down to where it is made
     * @param hops      how many inlined calls away from the analyzed method it is made
     * @param appended  a row added to a collection (one-to-many, many-to-many) under a check on it: a capacity
     */
    public record Change(String column, Node at, Frame frame, Node leading, int hops, boolean derivedFromItself, Guard guard,
            boolean callersOwnValue, boolean appended) {
        Change(String column, Node at, Frame frame, int hops, boolean derivedFromItself, Guard guard, boolean callersOwnValue,
                boolean appended) {
            this(column, at, frame, at, hops, derivedFromItself, guard, callersOwnValue, appended);
        }

        Change(String column, Node at, Frame frame, int hops, boolean derivedFromItself, Guard guard, boolean callersOwnValue) {
            this(column, at, frame, at, hops, derivedFromItself, guard, callersOwnValue, false);
        }

        public boolean guardedByItself() {
            return guard != null;
        }

        /** A check-then-set of a value of the caller's own: a second caller overwrites it, and both go on. */
        public boolean claims() {
            return guard != null && !derivedFromItself && callersOwnValue;
        }

        /** For a change chosen under a check on its own value: what else the check guards, that a second caller repeats. */
        public java.util.Optional<Repeated> repeatedEffect(RowOrigin row) {
            Guard.Effect effect = guard == null ? null : guard.repeatedBeside(row, at);
            return effect == null ? java.util.Optional.empty() : java.util.Optional.of(new Repeated(effect.description(), effect.at()));
        }

        /** The check the change was chosen under. */
        public java.util.Optional<Node> condition() {
            return guard == null ? java.util.Optional.empty() : java.util.Optional.of(guard.condition);
        }

        /** Whether a part of the check is this change's column exactly as read ({@code available} in {@code available < n}). */
        public boolean isOwnColumn(Node operand) {
            Value.ColumnRef ref = guard == null ? null : guard.operands.get(operand);
            return ref != null && ref.column().equals(io.ormrace.analyzer.schema.Names.key(column));
        }

        /** Whether the change runs when its check's condition is true, or when it is false. */
        public boolean underTrueCondition() {
            return guard == null || guard.whenTrue;
        }
    }

    /** An effect a second caller would repeat, and where it is made. */
    public record Repeated(String description, Node at) {
    }

    RowOrigin(String table, EntityInfo entity, Node readAt, String readDescription, Lookup lookup, TxScope scope, String lockMode) {
        this.table = table;
        this.entity = entity;
        this.readAt = readAt;
        this.readDescription = readDescription;
        this.lookup = lookup;
        this.scope = scope;
        this.lockMode = lockMode;
        this.api = entity != null ? Api.JPA : Api.JDBC;
    }

    public Api api() {
        return api;
    }

    public String table() {
        return table;
    }

    public EntityInfo entity() {
        return entity;
    }

    public Node readAt() {
        return readAt;
    }

    /** The columns the row was looked up by (its key, when the lookup is by one), or none. */
    public List<String> keyColumns() {
        return lookup == null ? List.of() : lookup.columns();
    }

    public String readDescription() {
        return readDescription;
    }

    public TxScope scope() {
        return scope;
    }

    public String lockMode() {
        return lockMode;
    }

    public Node lockedAfterReadAt() {
        return lockedAfterReadAt;
    }

    public boolean refusedWithoutTransaction() {
        return refusedWithoutTransaction;
    }

    public boolean isPessimisticallyLocked() {
        return lockMode != null && lockMode.startsWith("PESSIMISTIC");
    }

    String column(String attribute) {
        return entity != null ? entity.column(attribute) : attribute;
    }

    public String describe() {
        return entity != null ? entity.name() : table;
    }
}
