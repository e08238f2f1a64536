package io.ormrace.analyzer.checks;

import io.ormrace.analyzer.code.EntityInfo;
import io.ormrace.analyzer.flow.Event;
import io.ormrace.analyzer.flow.RowOrigin;
import io.ormrace.analyzer.schema.Names;
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
        if (event instanceof Event.AggregateWrite aggregate) {
            return Optional.of(storedAggregate(aggregate));
        }
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
        if (change.derivedFromItself() && row.entity() != null && !row.entity().isNumeric(attributeOf(row.entity(), change.column()))
                && RowOnlyValue.of(change.at(), row.entity())) {
            return Optional.empty(); // a rename from the row's own values: both callers write the same text
        }
        Optional<RowOrigin.Repeated> repeated = change.repeatedEffect(row);
        if (change.claims() && !change.appended() && repeated.isEmpty() && row.entity() != null
                && RowOnlyValue.of(change.at(), row.entity())) {
            return Optional.empty(); // a default made of the row's own values: every caller sets the same
        }
        if (!change.derivedFromItself() && repeated.isEmpty() && !change.claims()) {
            // a check-then-set of a constant with nothing else under the check: both callers write the same value
            return Optional.empty();
        }
        String target = row.describe() + "." + change.column();
        String message = change.appended()
                ? target + " is checked, then added to under that check and written by " + write.how() + "; a concurrent "
                        + "caller passes the same check before this write and adds too, so what the check allowed once "
                        + "happens twice (a capacity exceeded)"
                : change.derivedFromItself()
                ? target + " is read, then written back by " + write.how() + " with a value computed from the value "
                        + "read; a concurrent update between the read and the write is lost"
                : repeated.isPresent()
                ? target + " is checked, then set under that check and written back by " + write.how() + "; a "
                        + "concurrent caller passes the same check before this write and repeats what the check guards: "
                        + repeated.get().description()
                : target + " is checked, then set to this caller's value under that check and written back by "
                        + write.how() + "; a concurrent caller passes the same check and overwrites it, and both go on "
                        + "as if their value were kept";
        Finding.Builder finding = Finding.builder(rule(), Origin.STATIC)
                .message(message)
                .at(Places.of(write.place()), write.place().anchor())
                .target(row.entity() != null ? row.entity().name() : row.table(), List.of(change.column()))
                ;
        Places.callPath(finding, write.place());
        finding.evidence(Places.evidence(Evidence.Kind.READ, write.place(), row.readAt(), "read by " + row.readDescription()));
        if (!change.derivedFromItself()) {
            change.condition().ifPresent(condition -> finding.evidence(Places.evidence(Evidence.Kind.CHECK, write.place(),
                    condition, "checked: " + condition)));
        }
        finding.evidence(Places.evidence(Evidence.Kind.WRITE, write.place(), change.at(),
                        change.appended() ? "added to under the check on it"
                        : change.derivedFromItself() ? "changed from its own value" : "changed under the check on its own value"));
        repeated.ifPresent(effect -> finding.evidence(Places.evidence(Evidence.Kind.EFFECT, write.place(), effect.at(),
                "repeated by a second caller: " + effect.description())));
        finding.evidence(Evidence.at(Evidence.Kind.LOCK, null, protectionMissing(row, write)));
        if (change.appended()) {
            capacityFixes(finding, row);
        } else {
            fixes(finding, row, change);
        }
        return Optional.of(finding.build());
    }

    /**
     * A count or maximum stored in a column ({@code post.comment_count}, {@code latest_version}) by the code that inserts
     * the rows it counts: each caller reads it before the other's row is committed, and the last write stores a number
     * that misses a row.
     */
    private Finding storedAggregate(Event.AggregateWrite write) {
        String target = write.table() + "." + write.column();
        boolean count = write.aggregate().toLowerCase(java.util.Locale.ROOT).startsWith("count");
        Finding.Builder finding = Finding.builder(rule(), Origin.STATIC)
                .message(target + " is set from " + write.aggregate() + " of " + write.aggregatedTable() + " rows, read in "
                        + "the transaction that inserts such a row, and written by " + write.how() + "; a concurrent "
                        + "caller's row is not visible to this read, so both store an aggregate that misses the other's "
                        + "row, and the last write wins")
                .at(Places.of(write.place()), write.place().anchor())
                .target(write.table(), List.of(write.column()));
        Places.callPath(finding, write.place());
        finding.evidence(Places.evidence(Evidence.Kind.READ, write.place(), write.readAt(), "read by " + write.readDescription()));
        finding.evidence(Places.evidence(Evidence.Kind.WRITE, write.place(), write.at(), "stored in " + target));
        finding.evidence(Evidence.at(Evidence.Kind.LOCK, null, "no row is locked in the transaction before the read, and "
                + "the transaction is not SERIALIZABLE"));
        String column = write.column();
        String function = write.aggregate().toLowerCase(java.util.Locale.ROOT);
        String kept = count ? column + " + 1" : function.startsWith("sum") ? column + " + ?"
                : (function.startsWith("min") ? "least(" : "greatest(") + column + ", ?)";
        String how = count || function.startsWith("sum")
                ? "change the stored value in the database, in the insert's transaction, instead of recomputing it"
                : "let the database keep the " + (function.startsWith("min") ? "smaller" : "larger") + " value, in one statement";
        if (write.attribute() != null && count) {
            String entity = write.attribute().substring(0, write.attribute().indexOf('.'));
            String path = "e." + write.attribute().substring(entity.length() + 1, write.attribute().indexOf('#'));
            String id = write.attribute().substring(write.attribute().indexOf('#') + 1);
            finding.fix(how, "@Modifying @Query(\"update " + entity + " e set " + path + " = " + path + " + 1 where e." + id
                    + " = :id\")\nint increment" + Character.toUpperCase(path.charAt(2)) + path.substring(3)
                    + "(@Param(\"id\") Long id);  // call it after the insert");
        } else {
            finding.fix(how, "update " + write.table() + " set " + column + " = " + kept + " where ..."
                    + (count ? "  -- after the insert" : ""));
        }
        finding.fix("or lock the row that holds the aggregate before reading it, so that the callers take turns",
                "select ... from " + write.table() + " where ... for update  -- first, in the same transaction");
        return finding.build();
    }

    private static String protectionMissing(RowOrigin row, Event.Write write) {
        if (row.lockedAfterReadAt() != null) {
            return "the lock is taken after the read and does not refresh the state that was read; lock on the read "
                    + "itself, or refresh with the lock";
        }
        if (row.isPessimisticallyLocked()) {
            return "the read is locked, but no transaction holds the lock until the write";
        }
        if (row.entity() != null && row.api() != RowOrigin.Api.MYBATIS) {
            return "the read takes no lock, " + row.entity().name() + " has no @Version, and the transaction is not SERIALIZABLE";
        }
        return "the read takes no lock ('for update' in the same transaction) and the update does not compare the old value";
    }

    /** A check on a collection holds only while no one else adds: lock the row that owns it from the check to the commit. */
    private static void capacityFixes(Finding.Builder finding, RowOrigin row) {
        String entity = row.entity() != null ? row.entity().name() : row.table();
        finding.fix("lock the " + entity + " row from the read to the commit, so that the second caller checks after the "
                + "first one's row is added", "@Lock(LockModeType.PESSIMISTIC_WRITE)\nOptional<" + entity
                + "> findWithLockById(Long id);  // in the repository; read with it in the @Transactional method");
        finding.fix("or count in the database, in the insert's own transaction, under that lock",
                "select count(*) from <collection table> where <" + row.table() + " key> = ?  -- after 'select ... from "
                        + row.table() + " where ... for update'");
    }

    /** In jOOQ's DSL, with the generated constants: the table's and its columns' names in upper case. */
    private static void jooqFixes(Finding.Builder finding, RowOrigin row, String column, boolean counter) {
        String table = row.table().toUpperCase(java.util.Locale.ROOT);
        String field = table + "." + column.toUpperCase(java.util.Locale.ROOT);
        String key = row.keyColumns().isEmpty() ? table + ".ID.eq(id)"
                : String.join(").and(", row.keyColumns().stream()
                        .map(c -> table + "." + c.toUpperCase(java.util.Locale.ROOT) + ".eq(" + Names.camel(c) + ")").toList());
        finding.fix("let the database compute the new value in one atomic statement", counter
                ? "dsl.update(" + table + ").set(" + field + ", " + field + ".plus(delta)).where(" + key + ").execute();"
                : "dsl.update(" + table + ").set(" + field + ", next).where(" + key + ").and(" + field
                        + ".eq(valueRead)).execute();  // 0 rows: another caller changed it first");
        finding.fix("lock the row from the read to the write, in the transaction of the update",
                "dsl.selectFrom(" + table + ").where(" + key + ").forUpdate().fetchOne();");
    }

    private static void fixes(Finding.Builder finding, RowOrigin row, RowOrigin.Change change) {
        EntityInfo entity = row.entity();
        String column = change.column();
        boolean counter = change.derivedFromItself() && (entity == null || entity.isNumeric(attributeOf(entity, column)));
        if (row.api() == RowOrigin.Api.MYBATIS) {
            mapperFixes(finding, row, change, counter);
            return;
        }
        if (row.api() == RowOrigin.Api.JOOQ) {
            jooqFixes(finding, row, column, counter);
            return;
        }
        if (entity == null) {
            Optional<String> guard = change.condition()
                    .flatMap(c -> GuardText.of(c, change.underTrueCondition(), column, column, change::isOwnColumn))
                    .map(g -> g.replaceAll(":\\w+", "?"));
            String key = row.keyColumns().isEmpty() ? "<key> = ?"
                    : String.join(" and ", row.keyColumns().stream().map(c -> c + " = ?").toList());
            String where = "where " + key + guard.map(g -> " and " + g).orElse("");
            finding.fix("let the database compute the new value in one atomic statement", counter
                    ? "update " + row.table() + " set " + column + " = " + column + " + ? " + where
                            + (guard.isPresent() ? "  -- 0 rows: the check failed" : "")
                    : "update " + row.table() + " set " + column + " = ? " + where + " and " + column
                            + " = ?  -- the value read; 0 rows: another caller changed it first");
            finding.fix("lock the row from the read to the write",
                    "connection.setAutoCommit(false); select ... from " + row.table() + " where ... " + forUpdate(row)
                            + "; update ...; commit");
            return;
        }
        if (entity.relational()) {
            aggregateFixes(finding, row, change, counter);
            return;
        }
        String alias = entity.name().substring(0, 1).toLowerCase(java.util.Locale.ROOT);
        String attribute = attributeOf(entity, column);
        String id = entity.idColumns().isEmpty() ? "id" : attributeOf(entity, entity.idColumns().get(0));
        String path = alias + "." + attribute;
        Optional<String> guard = change.condition().flatMap(c -> GuardText.of(c, change.underTrueCondition(), attribute, path,
                change::isOwnColumn));
        String key = " where " + alias + "." + id + " = :" + id;
        String update;
        String outcome;
        if (counter) {
            update = "update " + entity.name() + " " + alias + " set " + path + " = " + path + " + :delta" + key
                    + guard.map(g -> " and " + g).orElse("");
            outcome = guard.isPresent() ? "  // 1 row: done; 0 rows: the check failed, as it would have in Java" : "";
        } else if (change.derivedFromItself()) {
            update = "update " + entity.name() + " " + alias + " set " + path + " = :next" + key + " and " + path + " = :expected";
            outcome = "  // :expected is the value read; 0 rows: another caller changed it first, re-read and retry";
        } else {
            update = "update " + entity.name() + " " + alias + " set " + path + " = :next" + key + " and "
                    + guard.orElse(path + " = :expected");
            outcome = "  // 1 row: this caller won the check, go on; 0 rows: another caller did, do nothing more";
        }
        if (row.api() == RowOrigin.Api.SPRING_DATA) {
            finding.fix(counter ? "let the database compute the new value in one atomic statement"
                            : "make the check and the write one atomic statement",
                    "@Modifying @Query(\"" + update + "\") int ...;" + outcome);
            finding.fix("lock the row from the read to the commit, in the @Transactional method",
                    "@Lock(LockModeType.PESSIMISTIC_WRITE) @Query(\"select " + alias + " from " + entity.name() + " " + alias
                            + key + "\") Optional<" + entity.name() + "> findByIdForUpdate(...);"
                            + "  // instead of " + row.readDescription());
        } else {
            finding.fix(counter ? "let the database compute the new value in one atomic statement"
                            : "make the check and the write one atomic statement",
                    "em.createQuery(\"" + update + "\").setParameter(...).executeUpdate()" + outcome);
            finding.fix("lock the row from the read to the commit, in the transaction",
                    "em.find(" + entity.name() + ".class, " + id + ", LockModeType.PESSIMISTIC_WRITE)  // or session.find(...), "
                            + "or em.refresh(entity, LockModeType.PESSIMISTIC_WRITE)");
        }
        finding.fix("detect the conflict and retry", "@Version private long version;  // in " + entity.name()
                + " or a @MappedSuperclass, then retry the whole read-modify-write on OptimisticLockException");
    }

    /** MyBatis: the mapper's own SQL, in its annotation or its XML statement. */
    private static void mapperFixes(Finding.Builder finding, RowOrigin row, RowOrigin.Change change, boolean counter) {
        String column = change.column();
        Optional<String> guard = change.condition()
                .flatMap(c -> GuardText.of(c, change.underTrueCondition(), column, column, change::isOwnColumn))
                .map(g -> g.replaceAll(":(\\w+)", "#{$1}"));
        String key = row.keyColumns().isEmpty() ? "id = #{id}"
                : String.join(" and ", row.keyColumns().stream().map(c -> c + " = #{" + Names.camel(c) + "}").toList());
        String where = " where " + key + guard.map(g -> " and " + g).orElse("");
        finding.fix(counter ? "let the database compute the new value in one atomic statement"
                        : "make the check and the write one atomic statement",
                counter ? "@Update(\"update " + row.table() + " set " + column + " = " + column + " + #{delta}" + where
                        + "\") int ...;  // or the same statement in the mapper XML" + (guard.isPresent() ? "; 0 rows: the check failed" : "")
                        : "@Update(\"update " + row.table() + " set " + column + " = #{next}" + where
                        + (guard.isPresent() ? "" : " and " + column + " = #{expected}")
                        + "\") int ...;  // 1 row: this caller won; 0 rows: another caller changed it first");
        finding.fix("lock the row from the read to the write, in the @Transactional method",
                "@Select(\"select ... from " + row.table() + " where " + key + " " + forUpdate(row)
                        + "\")  // instead of " + row.readDescription().replaceFirst(" \\(.*", ""));
        finding.fix("detect the conflict and retry", "update " + row.table() + " set " + column + " = #{" + Names.camel(column)
                + "}, version = version + 1 where " + key + " and version = #{version}  -- 0 rows: another caller changed "
                + "the row first; re-read and retry");
    }

    /** Spring Data JDBC: SQL in {@code @Query}, its own {@code @Lock(LockMode...)} and {@code @Version}. */
    private static void aggregateFixes(Finding.Builder finding, RowOrigin row, RowOrigin.Change change, boolean counter) {
        EntityInfo entity = row.entity();
        String column = change.column();
        String id = entity.idColumns().isEmpty() ? "id" : entity.idColumns().get(0);
        Optional<String> guard = change.condition()
                .flatMap(c -> GuardText.of(c, change.underTrueCondition(), attributeOf(entity, column), column, change::isOwnColumn));
        String where = " where " + id + " = :" + attributeOf(entity, id) + guard.map(g -> " and " + g).orElse("");
        String update = counter ? "update " + entity.table() + " set " + column + " = " + column + " + :delta" + where
                : "update " + entity.table() + " set " + column + " = :next" + where
                        + (guard.isPresent() ? "" : " and " + column + " = :expected");
        finding.fix(counter ? "let the database compute the new value in one atomic statement"
                        : "make the check and the write one atomic statement",
                "@Modifying @Query(\"" + update + "\") boolean ...;  // false: 0 rows, " + (counter && guard.isPresent()
                        ? "the check failed" : "another caller changed the row first"));
        finding.fix("lock the row from the read to the commit, in the @Transactional method",
                "@Lock(LockMode.PESSIMISTIC_WRITE) Optional<" + entity.name() + "> findWithLockBy"
                        + Character.toUpperCase(attributeOf(entity, id).charAt(0)) + attributeOf(entity, id).substring(1)
                        + "(...);  // org.springframework.data.relational.repository.Lock, instead of " + row.readDescription());
        finding.fix("detect the conflict and retry", "@Version private Long version;  // org.springframework.data.annotation."
                + "Version in " + entity.name() + ": save() then throws OptimisticLockingFailureException; retry the whole "
                + "read-modify-write");
    }

    /** PostgreSQL refuses a plain 'for update' on the nullable side of an outer join: lock the row's own table. */
    private static String forUpdate(RowOrigin row) {
        String sql = row.readDescription();
        if (!sql.toLowerCase(java.util.Locale.ROOT).contains(" join ")) {
            return "for update";
        }
        java.util.regex.Matcher alias = java.util.regex.Pattern.compile("(?i)\\bfrom\\s+" + java.util.regex.Pattern.quote(row.table())
                + "\\s+(?:as\\s+)?(\\w+)").matcher(sql);
        boolean aliased = alias.find() && !alias.group(1).matches("(?i)where|join|left|right|inner|outer|full|cross|on|group|order|limit");
        return "for update of " + (aliased ? alias.group(1) : row.table());
    }

    private static String attributeOf(EntityInfo entity, String column) {
        return entity.columns().entrySet().stream().filter(e -> e.getValue().equals(column))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(column);
    }
}
