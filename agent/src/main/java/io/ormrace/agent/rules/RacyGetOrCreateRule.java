package io.ormrace.agent.rules;

import io.ormrace.agent.sql.SqlShape;
import io.ormrace.agent.state.CallSite;
import io.ormrace.agent.state.ConnectionState;
import io.ormrace.agent.state.EmptyLookup;
import io.ormrace.agent.state.ThreadState;
import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code racy-get-or-create} at run time: a select by columns C found no row, then the same thread inserts a row
 * with the same values for C, and no unique index of the table covers C: two callers doing this at once both
 * insert. With a unique index the database refuses the second row; handling that is the static analyzer's
 * {@code unhandled-unique-violation}, which SQL alone cannot judge.
 */
public final class RacyGetOrCreateRule {

    public Optional<Detected> check(SqlShape.Insert insert, Map<String, Object> row, ConnectionState connection,
            ThreadState thread, RuleContext context) {
        if (insert.upsert()) {
            return Optional.empty();
        }
        for (Iterator<EmptyLookup> it = thread.lookups(); it.hasNext(); ) {
            EmptyLookup lookup = it.next();
            if (!lookup.table().equals(insert.table()) || !sameValues(lookup.values(), row)) {
                continue;
            }
            it.remove();
            if (lookup.caller().loadsCollection()) {
                return Optional.empty(); // the parent's children, none yet: a child added is no duplicate of a row looked up
            }
            Set<String> columns = new TreeSet<>(lookup.values().keySet());
            DatabaseKeys.Keys keys = context.keys().of(connection, insert.table());
            if (!keys.known() || keys.unique().stream().anyMatch(columns::containsAll)) {
                return Optional.empty();
            }
            return Optional.of(finding(insert, lookup, new ArrayList<>(columns), context));
        }
        return Optional.empty();
    }

    private static boolean sameValues(Map<String, Object> looked, Map<String, Object> inserted) {
        for (Map.Entry<String, Object> value : looked.entrySet()) {
            if (!inserted.containsKey(value.getKey()) || !Values.same(value.getValue(), inserted.get(value.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Detected finding(SqlShape.Insert insert, EmptyLookup lookup, List<String> columns, RuleContext context) {
        String key = "racy-get-or-create|" + Sites.key(lookup.caller().site(), context.site()) + "|" + insert.table() + "|" + columns;
        return new Detected(key, () -> build(insert, lookup, columns, context));
    }

    private static Finding build(SqlShape.Insert insert, EmptyLookup lookup, List<String> columns, RuleContext context) {
        CallSite insertSite = context.site();
        CallSite lookupSite = lookup.caller().site();
        String table = insert.table();
        Redaction redaction = context.redaction();
        String list = String.join(", ", columns);
        return Finding.builder(Rule.RACY_GET_OR_CREATE, Origin.RUNTIME)
                .message("a row of " + table + " with these " + list + " values was looked up at "
                        + Sites.describe(lookupSite) + ", not found, then inserted at " + Sites.describe(insertSite)
                        + "; no unique index covers (" + list + "), so two callers at once both insert it: duplicates")
                .at(Sites.primary(lookupSite, insertSite), Sites.anchor(table, lookupSite, insertSite))
                .target(table, columns)
                .evidence(new Evidence(Evidence.Kind.LOOKUP, Sites.location(lookupSite), "lookup found no row",
                        redaction.sql(lookup.sql())))
                .evidence(new Evidence(Evidence.Kind.INSERT, Sites.location(insertSite), "row inserted with the same "
                        + list, redaction.sql(insert.text())))
                .evidence(new Evidence(Evidence.Kind.SCHEMA, null, "no primary key or unique index of " + table
                        + " covers (" + list + ")", null))
                .fix("Let the database refuse the duplicate: add the unique constraint (then handle the violation "
                        + "by re-reading in a new transaction)",
                        "alter table " + table + " add constraint uk_" + table + "_" + String.join("_", columns)
                                + " unique (" + list + ")")
                .fix("Insert atomically, then read (PostgreSQL; MariaDB: insert ignore; H2: merge into ... key (...))",
                        "insert into " + table + " (" + list + ", ...) values (?, ...) on conflict (" + list + ") do nothing")
                .build();
    }
}
