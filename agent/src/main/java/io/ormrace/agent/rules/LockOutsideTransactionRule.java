package io.ormrace.agent.rules;

import io.ormrace.agent.sql.SqlShape;
import io.ormrace.agent.state.CallSite;
import io.ormrace.agent.state.ConnectionState;
import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;
import java.util.List;
import java.util.Optional;

/**
 * {@code lock-outside-transaction} at run time: a {@code select ... for update} (or {@code for share}) runs with
 * autocommit on, so the transaction that took the lock ends with the statement and the lock protects nothing.
 */
public final class LockOutsideTransactionRule {

    public Optional<Detected> check(SqlShape.Select select, ConnectionState connection, RuleContext context) {
        if (!select.locking() || !connection.autoCommit()) {
            return Optional.empty();
        }
        CallSite site = context.site();
        String table = select.tables().stream().sorted().findFirst().orElse("?");
        return Optional.of(new Detected("lock-outside-transaction|" + Sites.key(site) + "|" + table,
                () -> build(select, site, table, context)));
    }

    private static Finding build(SqlShape.Select select, CallSite site, String table, RuleContext context) {
        return Finding.builder(Rule.LOCK_OUTSIDE_TRANSACTION, Origin.RUNTIME)
                .message("rows of " + table + " are locked with autocommit on: the lock is released as soon as the "
                        + "select returns, before anything is done with the rows, so it protects nothing")
                .at(Sites.primary(site), Sites.anchor(table, site))
                .target(table, List.of())
                .evidence(new Evidence(Evidence.Kind.LOCK, Sites.location(site), "locking select",
                        context.redaction().sql(select.text())))
                .evidence(new Evidence(Evidence.Kind.TRANSACTION, null,
                        "autocommit was on: the statement was its own transaction", null))
                .fix("Begin a transaction before the lock and end it after the write",
                        "connection.setAutoCommit(false); /* select ... for update; update ...; */ connection.commit();")
                .fix("Spring: take the lock in a public @Transactional method called through the bean, not on this",
                        "@Transactional public void change(...) { repository.lockById(id); ... }")
                .build();
    }
}
