package io.ormrace.analyzer.checks;

import io.ormrace.analyzer.flow.Event;
import io.ormrace.analyzer.schema.Schema;
import io.ormrace.analyzer.schema.Table;
import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Rule;
import io.ormrace.core.Severity;
import java.util.Optional;

/**
 * Look up, insert when missing, with a unique key that prevents duplicates: but the violation a concurrent insert
 * causes is not handled, or is caught and re-read inside the very transaction the failed insert ran in.
 */
@CheckInfo(rule = Rule.UNHANDLED_UNIQUE_VIOLATION)
public final class UnhandledUniqueViolationCheck implements Check {

    @Override
    public Optional<Finding> check(Event event, Schema schema) {
        if (!(event instanceof Event.InsertAfterLookup insert) || insert.handling() == Event.Handling.HANDLED) {
            return Optional.empty();
        }
        Optional<Table.UniqueKey> key = schema.uniqueKeyCovering(insert.table(), insert.lookup().columns());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String constraint = "unique (" + String.join(", ", key.get().columns()) + ") declared at " + key.get().declaredIn();
        if (insert.rejectsWhenFound()) {
            return Optional.of(uniquenessCheck(insert, constraint));
        }
        if (insert.nextKey() != null) {
            return Optional.of(GetOrCreateFindings.start(rule(), insert, "a " + insert.table() + " row is inserted with "
                            + insert.nextKey() + " set to the highest " + insert.nextKey() + " read plus one: a concurrent "
                            + "caller reads the same highest value, and the second insert fails on the unique constraint")
                    .evidence(Evidence.at(Evidence.Kind.SCHEMA, null, constraint))
                    .fix("let the database number the rows", GetOrCreateFindings.NUMBERED_BY_THE_DATABASE)
                    .fix("or retry on the violation", "catch DataIntegrityViolationException outside the transaction and "
                            + "run the read and the insert again in a new one")
                    .build());
        }
        String message = insert.handling() == Event.Handling.CAUGHT_SAME_TRANSACTION
                ? "the unique violation of this insert is caught and the row re-read in the same transaction: PostgreSQL "
                        + "has aborted that transaction, and under MySQL/MariaDB REPEATABLE READ its snapshot does not hold "
                        + "the other caller's row"
                : "when a concurrent caller inserts the same " + insert.table() + " (" + GetOrCreateFindings.columns(insert)
                        + ") first, this insert fails on the unique constraint and the error reaches the caller instead of the row";
        return Optional.of(GetOrCreateFindings.start(rule(), insert, message)
                .evidence(Evidence.at(Evidence.Kind.SCHEMA, null, constraint))
                .fix("insert in a transaction of its own, then re-read in a new one",
                        "@Transactional(propagation = Propagation.REQUIRES_NEW) on the insert, in another bean; catch "
                                + "DataIntegrityViolationException in a non-transactional caller and look the row up again")
                .fix("or under a savepoint", "Savepoint sp = connection.setSavepoint(); insert; on SQLState 23xxx: "
                        + "connection.rollback(sp) and re-read with 'for update'")
                .fix("or upsert atomically", "insert into " + insert.table() + " (...) values (...) on conflict ("
                        + GetOrCreateFindings.columns(insert) + ") do nothing  -- PostgreSQL; insert ignore -- MariaDB/MySQL")
                .build());
    }

    /**
     * {@code if (exists) throw new DuplicateNameException(); insert}: the constraint keeps the data right, but the
     * caller that loses the race gets a raw constraint violation instead of the domain error. Minor, so a note.
     */
    private Finding uniquenessCheck(Event.InsertAfterLookup insert, String constraint) {
        String columns = GetOrCreateFindings.columns(insert);
        return GetOrCreateFindings.start(rule(), insert, "a uniqueness check on " + insert.table() + " (" + columns
                        + ") throws its own error when the row exists, but a concurrent caller can pass the same check: "
                        + "its insert then fails on the unique constraint, and the caller gets a raw constraint violation "
                        + "instead of that error")
                .severity(Severity.NOTE)
                .evidence(Evidence.at(Evidence.Kind.SCHEMA, null, constraint + ": no duplicate can be stored"))
                .fix("translate the violation into the same domain error",
                        "try { repository.saveAndFlush(entity); } catch (DataIntegrityViolationException e) { throw new "
                                + "<the exception the check throws>(...); }  // flush inside the try, so the violation is raised there")
                .build();
    }
}
