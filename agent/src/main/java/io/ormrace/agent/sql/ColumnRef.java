package io.ormrace.agent.sql;

/** A column as a statement names it: the table it belongs to (resolved from aliases) and its lower-case name. */
public record ColumnRef(String table, String column) {
}
