package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import io.ormrace.analyzer.code.SourceFile;
import java.util.List;

/** What the walk of a method saw that a check may report. */
public sealed interface Event {

    /**
     * Where it is reported (a statement of the method that holds the race: the analyzed method or one it calls), where
     * it really happens (maybe deeper), through how many inlined calls it was reached, and the calls from the analyzed
     * method down to the one it is reported in.
     */
    record Place(SourceFile file, Node reportAt, String anchor, Node origin, int hops, List<Node> calls) {
    }

    Place place();

    /** A changed column written back: by save/merge/update, JDBC, or dirty checking at commit. */
    record Write(Place place, RowOrigin row, RowOrigin.Change change, String how, TxScope writtenIn) implements Event {
    }

    /** A row inserted after a lookup came back empty (or after a table was loaded and diffed). */
    /** @param rejectsWhenFound  the lookup is a uniqueness check: finding a row makes the code throw its own error */
    /** @param nextKey  the column the insert sets to the highest value read plus one, or null */
    /** @param limit  the lookup counts rows and the insert happens while the count is below a limit (a capacity) */
    record InsertAfterLookup(Place place, Lookup lookup, String table, Handling handling, String insertDescription,
            boolean bulk, boolean rejectsWhenFound, String nextKey, boolean limit) implements Event {
    }

    /** How a unique violation of the insert would be met. */
    enum Handling {
        /** nothing catches it */
        NONE,
        /** caught and re-read, but in the transaction the failed insert ran in */
        CAUGHT_SAME_TRANSACTION,
        /** caught and re-read after the insert ran in its own transaction or savepoint */
        HANDLED
    }

    /**
     * A column set from a count or maximum of rows of a table the same transaction inserts into: a stored aggregate
     * kept by the code that changes what it aggregates.
     *
     * @param aggregate  what was read ({@code count(*)}, {@code max(version)}), of {@code aggregatedTable}
     * @param readAt     the query that read it
     * @param attribute  {@code Post.commentCount#id} when an entity's attribute is set (after {@code #}: its id
     *                   attribute), or null for SQL
     */
    record AggregateWrite(Place place, String aggregate, String aggregatedTable, Node readAt, String readDescription,
            String table, String column, String attribute, Node at, String how) implements Event {
    }

    /** A pessimistic lock taken with no transaction to hold it. */
    record LockOutsideTransaction(Place place, String target, String how, String why, List<Node> trail) implements Event {
    }
}
