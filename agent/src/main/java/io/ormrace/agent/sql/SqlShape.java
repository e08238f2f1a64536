package io.ormrace.agent.sql;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the rules need to know of one SQL statement text, parsed once and cached. */
public sealed interface SqlShape {

    /** A predicate {@code column = operand} that every row of the statement satisfies (a conjunct of the where). */
    record Eq(ColumnRef column, Operand value) {
    }

    /** {@code column in (a, b, c)} as a conjunct of the where. */
    record In(ColumnRef column, List<Operand> values) {
    }

    /**
     * @param items    the selected column of each position (1-based position {@code i} at index {@code i - 1}), null
     *                 where the item is an expression
     * @param labels   lower-case column label (alias or name) to column
     * @param star     a {@code *} makes positions unknown from the text alone
     * @param count    the only item is {@code count(...)}: an existence check
     * @param locking  {@code for update}, {@code for share}, {@code lock in share mode}
     */
    record Select(String text, List<ColumnRef> items, Map<String, ColumnRef> labels, Set<String> tables, boolean star,
            boolean count, List<Eq> where, List<In> inLists, boolean locking) implements SqlShape {
    }

    /**
     * @param sets           column to the value written
     * @param where          the equality conjuncts of the where
     * @param otherPredicate the where has conditions beyond column equalities (a compare-and-set)
     */
    record Update(String text, String table, Map<String, Operand> sets, List<Eq> where, boolean otherPredicate)
            implements SqlShape {
    }

    /** @param upsert the database resolves a conflict itself ({@code on conflict}, {@code on duplicate key}, {@code merge}) */
    record Insert(String text, String table, List<String> columns, List<List<Operand>> rows, boolean upsert)
            implements SqlShape {
    }

    /** {@code commit}, {@code rollback}, {@code begin} sent as SQL text. */
    record TransactionControl(String text, boolean ends) implements SqlShape {
    }

    /** Parsed, but nothing the rules follow (DDL, delete, a union). */
    record Other(String text) implements SqlShape {
    }

    /** The parser could not read it: counted, then ignored. */
    record Unparsed(String text, String reason) implements SqlShape {
    }
}
