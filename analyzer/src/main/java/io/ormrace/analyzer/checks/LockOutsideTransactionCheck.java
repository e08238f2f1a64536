package io.ormrace.analyzer.checks;

import io.ormrace.analyzer.flow.Event;
import io.ormrace.analyzer.schema.Schema;
import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;
import java.util.List;
import java.util.Optional;

/** A pessimistic lock taken where no transaction is active to hold it. */
@CheckInfo(rule = Rule.LOCK_OUTSIDE_TRANSACTION)
public final class LockOutsideTransactionCheck implements Check {

    @Override
    public Optional<Finding> check(Event event, Schema schema) {
        if (!(event instanceof Event.LockOutsideTransaction lock)) {
            return Optional.empty();
        }
        return Optional.of(Finding.builder(rule(), Origin.STATIC)
                .message("a pessimistic lock on " + lock.target() + " (" + lock.how() + ") is taken with no transaction "
                        + "active: " + lock.why())
                .at(Places.of(lock.place()), lock.place().anchor())
                .target(lock.target(), List.of())
                .evidence(Places.evidence(Evidence.Kind.LOCK, lock.place(), lock.place().origin(), "lock taken by " + lock.how()))
                .evidence(Evidence.at(Evidence.Kind.TRANSACTION, null, lock.why()))
                .fix("run the lock and the writes that depend on it in one transaction",
                        "@Transactional on a public method entered from another bean (not on this, not private); "
                                + "or transactionTemplate.execute(status -> ...); or connection.setAutoCommit(false) ... commit()")
                .build());
    }
}
