package io.ormrace.agent.sql;

/** What stands on one side of a predicate or in a value list: a bind parameter, a literal, or anything else. */
public sealed interface Operand {

    /** The {@code index}-th {@code ?} of the statement, 1-based. */
    record Param(int index) implements Operand {
    }

    record Literal(Object value) implements Operand {
    }

    /** An expression computed by the database ({@code count + 1}, {@code now()}): nothing the application chose. */
    record Computed(String text) implements Operand {
    }
}
