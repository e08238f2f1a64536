package io.ormrace.analyzer.checks;

import io.ormrace.analyzer.flow.Event;
import io.ormrace.analyzer.schema.Schema;
import io.ormrace.core.Finding;
import io.ormrace.core.Rule;
import java.util.List;
import java.util.Optional;

/** One rule: judges the events the walk of the code produced, against the schema. */
public interface Check {

    Optional<Finding> check(Event event, Schema schema);

    default Rule rule() {
        return getClass().getAnnotation(CheckInfo.class).rule();
    }

    static List<Check> all() {
        return List.of(new LostUpdateCheck(), new RacyGetOrCreateCheck(), new UnhandledUniqueViolationCheck(),
                new LockOutsideTransactionCheck());
    }
}
