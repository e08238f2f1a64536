package io.ormrace.analyzer.checks;

import io.ormrace.analyzer.code.EntityInfo;
import io.ormrace.analyzer.flow.Event;
import io.ormrace.analyzer.flow.RowOrigin;
import io.ormrace.analyzer.schema.Schema;
import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;
import java.util.List;
import java.util.Optional;

/**
 * A column read from the database is written back with a value computed from what was read, or under a condition
 * on it, and nothing stops a concurrent writer in between: no pessimistic lock held from the read to the write, no
 * version check, no SERIALIZABLE isolation.
 */
@CheckInfo(rule = Rule.LOST_UPDATE)
public final class LostUpdateCheck implements Check {

    @Override
    public Optional<Finding> check(Event event, Schema schema) {
        if (!(event instanceof Event.Write write)) {
            return Optional.empty();
        }
        RowOrigin row = write.row();
        RowOrigin.Change change = write.change();
        boolean jpaWrite = !write.how().startsWith("'");
        if (row.refusedWithoutTransaction()
                || (jpaWrite && row.entity() != null && row.entity().versioned())
                || (row.isPessimisticallyLocked() && row.lockedAfterReadAt() == null && row.scope() != null
                        && row.scope() == write.writtenIn())
                || (row.scope() != null && row.scope().serializable() && row.scope() == write.writtenIn())) {
            return Optional.empty();
        }
        String target = row.describe() + "." + change.column();
        String computed = change.derivedFromItself() ? "a value computed from the value read"
                : "a value chosen by a condition on the value read";
        Finding.Builder finding = Finding.builder(rule(), Origin.STATIC)
                .message(target + " is read, then written back by " + write.how() + " with " + computed
                        + "; a concurrent update between the read and the write is lost")
                .at(Places.of(write.place()), write.place().anchor())
                .target(row.entity() != null ? row.entity().name() : row.table(), List.of(change.column()))
                .evidence(Places.evidence(Evidence.Kind.READ, write.place(), row.readAt(), "read by " + row.readDescription()))
                .evidence(Places.evidence(Evidence.Kind.WRITE, write.place(), change.at(),
                        change.derivedFromItself() ? "changed from its own value" : "changed under a condition on its own value"))
                .evidence(Evidence.at(Evidence.Kind.LOCK, null, protectionMissing(row, write)));
        fixes(finding, row, change);
        return Optional.of(finding.build());
    }

    private static String protectionMissing(RowOrigin row, Event.Write write) {
        if (row.lockedAfterReadAt() != null) {
            return "the lock is taken after the read and does not refresh the state that was read; lock on the read "
                    + "itself, or refresh with the lock";
        }
        if (row.isPessimisticallyLocked()) {
            return "the read is locked, but no transaction holds the lock until the write";
        }
        if (row.entity() != null) {
            return "the read takes no lock, " + row.entity().name() + " has no @Version, and the transaction is not SERIALIZABLE";
        }
        return "the read takes no lock ('for update' in the same transaction) and the update does not compare the old value";
    }

    private static void fixes(Finding.Builder finding, RowOrigin row, RowOrigin.Change change) {
        EntityInfo entity = row.entity();
        String column = change.column();
        if (entity == null) {
            finding.fix("let the database compute the new value",
                    "update " + row.table() + " set " + column + " = " + column + " + ? where ...");
            finding.fix("lock the row from the read to the write",
                    "connection.setAutoCommit(false); select ... from " + row.table() + " where ... for update; update ...; commit");
            finding.fix("compare and set", "update " + row.table() + " set " + column + " = ? where ... and " + column
                    + " = ?  -- the value read; 0 rows means someone else changed it");
            return;
        }
        String alias = entity.name().substring(0, 1).toLowerCase();
        String attribute = attributeOf(entity, column);
        String id = entity.idColumns().isEmpty() ? "id" : attributeOf(entity, entity.idColumns().get(0));
        String set = change.derivedFromItself()
                ? alias + "." + attribute + " = " + alias + "." + attribute + " + :delta where " + alias + "." + id + " = :" + id
                : alias + "." + attribute + " = :next where " + alias + "." + id + " = :" + id + " and " + alias + "."
                        + attribute + " = :expected";
        String update = "update " + entity.name() + " " + alias + " set " + set;
        if (row.api() == RowOrigin.Api.SPRING_DATA) {
            finding.fix("let the database compute the new value in one atomic statement",
                    "@Modifying @Query(\"" + update + "\")" + (change.derivedFromItself() ? "" : "  // 1 row: you won; 0: someone else did"));
            finding.fix("lock the row from the read to the commit, in the @Transactional method",
                    "@Lock(LockModeType.PESSIMISTIC_WRITE) @Query(\"select " + alias + " from " + entity.name() + " " + alias
                            + " where " + alias + "." + id + " = :" + id + "\") Optional<" + entity.name() + "> findByIdForUpdate(...);"
                            + "  // instead of " + row.readDescription());
        } else {
            finding.fix("let the database compute the new value in one atomic statement",
                    "em.createQuery(\"" + update + "\").setParameter(...).executeUpdate()"
                            + (change.derivedFromItself() ? "" : "  // 1 row: you won; 0: someone else did"));
            finding.fix("lock the row from the read to the commit, in the transaction",
                    "em.find(" + entity.name() + ".class, " + id + ", LockModeType.PESSIMISTIC_WRITE)  // or session.find(...), "
                            + "or em.refresh(entity, LockModeType.PESSIMISTIC_WRITE)");
        }
        finding.fix("detect the conflict and retry", "@Version private long version;  // in " + entity.name()
                + " or a @MappedSuperclass, then retry the whole read-modify-write on OptimisticLockException");
    }

    private static String attributeOf(EntityInfo entity, String column) {
        return entity.columns().entrySet().stream().filter(e -> e.getValue().equals(column))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(column);
    }
}
