package io.ormrace.analyzer.checks;

import io.ormrace.analyzer.flow.Event;
import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;

/** What the two get-or-create rules share: the finding's place and its lookup-then-insert trail. */
final class GetOrCreateFindings {

    /** The fix of a next key computed from the highest value read. */
    static final String NUMBERED_BY_THE_DATABASE = "a sequence or identity column (@GeneratedValue), or a counter row per "
            + "scope taken atomically: update <counter> set next_value = next_value + 1 where ... returning next_value  "
            + "-- PostgreSQL; select ... for update, then update -- MariaDB/MySQL";

    private GetOrCreateFindings() {
    }

    static Finding.Builder start(Rule rule, Event.InsertAfterLookup insert, String message) {
        Finding.Builder finding = Finding.builder(rule, Origin.STATIC)
                .message(message)
                .at(Places.of(insert.place()), insert.place().anchor())
                .target(insert.table(), insert.lookup().columns());
        Places.callPath(finding, insert.place());
        return finding.evidence(Places.evidence(Evidence.Kind.LOOKUP, insert.place(), insert.lookup().at(),
                        insert.nextKey() != null ? "the highest " + insert.nextKey() + " read by " + insert.lookup().description()
                        : insert.limit() ? "counted by " + insert.lookup().description() + " and found below the limit"
                        : (insert.bulk() ? "every row is loaded by " : "looked up by ") + insert.lookup().description()
                                + (insert.bulk() ? " and diffed in memory" : " and found missing")))
                .evidence(Places.evidence(Evidence.Kind.INSERT, insert.place(), insert.place().origin(),
                        "inserted by " + insert.insertDescription()));
    }

    static String columns(Event.InsertAfterLookup insert) {
        return String.join(", ", insert.lookup().columns());
    }
}
