package io.ormrace.agent.rules;

import io.ormrace.agent.sql.Operand;
import io.ormrace.agent.sql.SqlShape;
import io.ormrace.agent.state.CallSite;
import io.ormrace.agent.state.ConnectionState;
import io.ormrace.agent.state.RowRead;
import io.ormrace.agent.state.ThreadState;
import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code lost-update} at run time: an {@code update} writes a column of a row this thread read earlier, unlocked
 * (or locked in a transaction that has ended), with a value derived from the one read, and nothing in the update's
 * {@code where} checks that the row is still as it was read (a version, the old value). Hibernate's all-columns
 * updates are handled by comparing each value with the one read: only the columns that changed count.
 */
public final class LostUpdateRule {

    public Optional<Detected> check(SqlShape.Update update, Object[] binds, ConnectionState connection, ThreadState thread,
            RuleContext context) {
        if (update.where().isEmpty() || connection.isolation() == Connection.TRANSACTION_SERIALIZABLE) {
            return Optional.empty();
        }
        List<SqlShape.Eq> where = update.where().size() == 1 ? update.where() : sortedWhere(update);
        int size = where.size();
        String[] keyColumns = new String[size];
        Object[] keyValues = new Object[size];
        for (int i = 0; i < size; i++) {
            SqlShape.Eq eq = where.get(i);
            keyValues[i] = Values.resolve(eq.value(), binds);
            if (keyValues[i] == Values.UNKNOWN) {
                return Optional.empty();
            }
            keyColumns[i] = eq.column().column();
        }
        List<RowRead> rows = new ArrayList<>();
        for (RowRead row : thread.rows(update.table(), keyColumns, keyValues)) {
            if (matches(row, keyColumns, keyValues)) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, RowRead> readFrom = null;
        Map<String, Object> before = null;
        Map<String, Object> written = null;
        for (Map.Entry<String, Operand> set : update.sets().entrySet()) {
            Object value = Values.resolve(set.getValue(), binds);
            if (value == Values.UNKNOWN) {
                continue;
            }
            RowRead row = newestRead(rows, set.getKey());
            if (row == null) {
                continue;
            }
            Object read = row.read(set.getKey());
            if (!Values.same(read, value) && Values.derived(read, value)
                    && !(row.locked() && row.connection() == connection && row.transaction() == connection.transaction())) {
                if (readFrom == null) {
                    readFrom = new TreeMap<>();
                    before = new HashMap<>();
                    written = new HashMap<>();
                }
                RowRead origin = beforeMerge(rows, row, set.getKey()); // a finding to be: the stack may be looked at
                readFrom.put(set.getKey(), origin);
                before.put(set.getKey(), origin.read(set.getKey()));
                written.put(set.getKey(), value);
            }
        }
        remember(update, binds, thread, rows);
        if (readFrom == null || guarded(update, keyColumns, connection, context)) {
            return Optional.empty();
        }
        return Optional.of(finding(update, connection, readFrom, before, written, context));
    }

    /** The where's equalities sorted by column, so that one key has one spelling whatever the order written. */
    private static List<SqlShape.Eq> sortedWhere(SqlShape.Update update) {
        List<SqlShape.Eq> sorted = new ArrayList<>(update.where());
        sorted.sort(java.util.Comparator.comparing(eq -> eq.column().column()));
        return sorted;
    }

    /** A compare-and-set: the where checks more than the row's key (a version, the old value, a state). */
    private static boolean guarded(SqlShape.Update update, String[] keyColumns, ConnectionState connection,
            RuleContext context) {
        if (update.otherPredicate()) {
            return true;
        }
        Set<String> whereColumns = new HashSet<>(Arrays.asList(keyColumns));
        DatabaseKeys.Keys keys = context.keys().of(connection, update.table());
        if (keys.unique().stream().anyMatch(whereColumns::equals)) {
            return false; // the row by a unique key of its own (view_day, path), whichever key that is
        }
        if (!keys.primaryKey().isEmpty()) {
            return !keys.primaryKey().containsAll(whereColumns);
        }
        // no primary key the database would tell of: a unique key, or a single column, is taken as the row's key
        return keys.unique().stream().noneMatch(whereColumns::equals) && whereColumns.size() > 1;
    }

    /**
     * A detached object written back by merge: merge's own read of the row is not where the application read the value
     * it changed, but the application's last read of the row before it is, whatever another transaction wrote in
     * between (asked only when an update is derived from a read).
     */
    private static RowRead beforeMerge(List<RowRead> rows, RowRead newest, String column) {
        if (newest.caller() == null || !newest.caller().insideMerge()) {
            return newest;
        }
        for (RowRead row : rows) {
            if (row != newest && row.wasRead(column) && (row.caller() == null || !row.caller().insideMerge())) {
                return row;
            }
        }
        return newest;
    }

    private static RowRead newestRead(List<RowRead> rows, String column) {
        for (RowRead row : rows) {
            if (row.wasRead(column)) {
                return row;
            }
        }
        return null;
    }

    private static boolean matches(RowRead row, String[] columns, Object[] values) {
        for (int i = 0; i < columns.length; i++) {
            Object value = row.value(columns[i]); // null: not read, or null, which no where equality matches
            if (value == null || !Values.same(value, values[i])) {
                return false;
            }
        }
        return true;
    }

    /** The rows now hold what was written: a second update compares with that, not with the first read. */
    private static void remember(SqlShape.Update update, Object[] binds, ThreadState thread, List<RowRead> rows) {
        for (RowRead row : rows) {
            if (keyChanged(update, binds, thread, row)) {
                thread.forget(row); // not the row that was read any more
                continue;
            }
            for (Map.Entry<String, Operand> set : update.sets().entrySet()) {
                row.written(set.getKey(), Values.resolve(set.getValue(), binds));
            }
        }
    }

    /** Whether the update moves the row to another key, one that rows of the table are looked up by. */
    private static boolean keyChanged(SqlShape.Update update, Object[] binds, ThreadState thread, RowRead row) {
        for (Map.Entry<String, Operand> set : update.sets().entrySet()) {
            if (thread.isKey(update.table(), set.getKey()) && row.has(set.getKey())
                    && !Values.same(row.value(set.getKey()), Values.resolve(set.getValue(), binds))) {
                return true;
            }
        }
        return false;
    }

    private static Detected finding(SqlShape.Update update, ConnectionState connection, Map<String, RowRead> readFrom,
            Map<String, Object> before, Map<String, Object> written, RuleContext context) {
        CallSite readSite = readFrom.values().iterator().next().caller().site();
        // keyed by the read: the same racy read written back from several callers (or at several commits) is one race
        String key = "lost-update|" + Sites.key(readSite, context.site()) + "|" + update.table() + "|" + readFrom.keySet();
        return new Detected(key, () -> build(update, connection, readFrom, before, written, context));
    }

    private static Finding build(SqlShape.Update update, ConnectionState connection, Map<String, RowRead> readFrom,
            Map<String, Object> before, Map<String, Object> written, RuleContext context) {
        CallSite writeSite = context.site();
        RowRead first = readFrom.values().iterator().next();
        CallSite readSite = first.caller().site();
        boolean sameTransaction = first.connection() == connection && first.transaction() == connection.transaction();
        List<String> columns = new ArrayList<>(readFrom.keySet());
        String table = update.table();
        Redaction redaction = context.redaction();
        String changes = columns.stream().map(c -> c + " " + (redaction.redacts() ? "changed"
                : Values.describe(before.get(c), written.get(c)))).collect(Collectors.joining(", "));
        String why = first.locked()
                ? "the read was locked, but in a transaction that ended before this update"
                : "the read took no lock";
        Finding.Builder builder = Finding.builder(Rule.LOST_UPDATE, Origin.RUNTIME)
                .message(table + "." + String.join(", ", columns) + " is written back computed from the value read at "
                        + Sites.describe(readSite) + " (" + changes + "); " + why + " and the update checks no version "
                        + "or old value, so a concurrent transaction's change in between is overwritten")
                .at(Sites.primary(readSite, writeSite), Sites.anchor(table, readSite, writeSite))
                .target(table, columns)
                .evidence(new Evidence(Evidence.Kind.READ, Sites.location(readSite),
                        "row read " + (first.locked() ? "with a lock in an earlier transaction" : "without a lock"),
                        redaction.sql(first.sql())))
                .evidence(new Evidence(Evidence.Kind.WRITE, Sites.location(writeSite),
                        "written back " + (sameTransaction ? "in the same transaction" : "in a later transaction")
                                + ", where clause on the key only", redaction.sql(update.text())))
                .evidence(new Evidence(Evidence.Kind.TRANSACTION, null, connection.autoCommit()
                        ? "autocommit: every statement is its own transaction" : sameTransaction
                                ? "one transaction, isolation " + isolation(connection.isolation())
                                : "read and write in different transactions", null));
        String keyPredicate = update.where().stream().map(eq -> eq.column().column() + " = ?").collect(Collectors.joining(" and "));
        String column = columns.get(0);
        if (before.get(column) instanceof Number) {
            builder.fix("Let the database compute it, atomically",
                    "update " + table + " set " + column + " = " + column + " + ? where " + keyPredicate);
        } else {
            builder.fix("Write only if the row is still as read (compare-and-set), and retry or fail when 0 rows change",
                    "update " + table + " set " + column + " = ? where " + keyPredicate + " and " + column + " = ?");
        }
        builder.fix("Lock the row when reading it, in the transaction that writes it",
                redaction.sql(stripLock(first.sql())) + " for update"
                        + "   -- JPA: LockModeType.PESSIMISTIC_WRITE; Spring Data: @Lock(LockModeType.PESSIMISTIC_WRITE)");
        builder.fix("Version the row and check the version in the update (JPA @Version), retrying on conflict",
                "update " + table + " set " + column + " = ?, version = version + 1 where " + keyPredicate + " and version = ?");
        return builder.build();
    }

    private static String stripLock(String sql) {
        return sql == null ? "select ..." : sql.replaceAll("(?i)\\s+for\\s+(no\\s+key\\s+)?(update|share).*$", "");
    }

    private static String isolation(int level) {
        return switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> "the database default";
        };
    }
}
