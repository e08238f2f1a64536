package io.ormrace.agent.state;

import java.util.Map;

/** A select whose equality predicates found no row: a row with these values did not exist, then. */
public record EmptyLookup(String table, Map<String, Object> values, Caller caller, String sql,
        ConnectionState connection, long transaction) {
}
