package io.ormrace.analyzer.checks;

import io.ormrace.analyzer.flow.Event;
import io.ormrace.analyzer.schema.Schema;
import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Rule;
import java.util.Optional;

/** Look up by some columns, insert when missing, and no unique key covers those columns: duplicates get stored. */
@CheckInfo(rule = Rule.RACY_GET_OR_CREATE)
public final class RacyGetOrCreateCheck implements Check {

    @Override
    public Optional<Finding> check(Event event, Schema schema) {
        if (!(event instanceof Event.InsertAfterLookup insert) || insert.lookup().columns().isEmpty()
                || schema.uniqueKeyCovering(insert.table(), insert.lookup().columns()).isPresent()) {
            return Optional.empty();
        }
        String columns = GetOrCreateFindings.columns(insert);
        String table = insert.table();
        if (insert.limit()) {
            return Optional.of(GetOrCreateFindings.start(rule(), insert, "a " + table + " row is inserted while a count of the "
                            + "rows by (" + columns + ") is below a limit, and nothing makes the callers take turns: "
                            + "concurrent callers count the same rows and all insert, past the limit")
                    .evidence(Evidence.at(Evidence.Kind.LOCK, null, "no row is locked in the transaction before the count, "
                            + "and no unique constraint covers (" + columns + ")"))
                    .fix("keep the count in a column of the row that owns the limit, and claim a place atomically",
                            "update <owner> set taken = taken + 1 where id = ? and taken < <limit>  -- 0 rows: full; "
                                    + "then insert, in the same transaction")
                    .fix("or lock the row that owns the limit before counting, in the @Transactional method",
                            "select ... from <owner> where id = ? for update  -- @Lock(PESSIMISTIC_WRITE) on its finder; "
                                    + "then count and insert")
                    .build());
        }
        if (insert.nextKey() != null) {
            return Optional.of(GetOrCreateFindings.start(rule(), insert, "a " + table + " row is inserted with "
                            + insert.nextKey() + " set to the highest " + insert.nextKey() + " read plus one, and no unique "
                            + "constraint covers (" + columns + "): concurrent callers read the same highest value and store "
                            + "two rows with the same " + insert.nextKey())
                    .evidence(Evidence.at(Evidence.Kind.SCHEMA, null, "no unique constraint or unique index on " + table
                            + " (" + columns + ") in the entity mapping or the SQL schema"))
                    .fix("let the database number the rows", GetOrCreateFindings.NUMBERED_BY_THE_DATABASE)
                    .fix("and let the database refuse duplicates", "alter table " + table + " add constraint uk_" + table
                            + "_" + String.join("_", insert.lookup().columns()) + " unique (" + columns + ");")
                    .build());
        }
        return Optional.of(GetOrCreateFindings.start(rule(), insert,
                        "a " + table + " row is inserted when a lookup by (" + columns + ") finds none, but no unique "
                                + "constraint covers (" + columns + "): concurrent callers both find none and store duplicates")
                .evidence(Evidence.at(Evidence.Kind.SCHEMA, null, "no unique constraint or unique index on " + table + " ("
                        + columns + ") in the entity mapping or the SQL schema"))
                .fix("let the database refuse duplicates", "alter table " + table + " add constraint uk_" + table + "_"
                        + String.join("_", insert.lookup().columns()) + " unique (" + columns + ");")
                .fix("or declare it on the entity", "@Table(uniqueConstraints = @UniqueConstraint(columnNames = {\""
                        + String.join("\", \"", insert.lookup().columns()) + "\"}))")
                .fix("then handle the violation", "insert in its own transaction (REQUIRES_NEW, a savepoint), catch "
                        + "DataIntegrityViolationException and re-read; or upsert: insert ... on conflict do nothing")
                .build());
    }
}
