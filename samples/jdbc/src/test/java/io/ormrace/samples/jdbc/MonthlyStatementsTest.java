package io.ormrace.samples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.samples.testkit.Breakpoint;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.Race;
import io.ormrace.samples.testkit.Sql;
import io.ormrace.samples.testkit.TestDatabase;
import java.time.YearMonth;
import java.util.UUID;
import java.util.concurrent.Future;
import org.springframework.dao.DuplicateKeyException;

class MonthlyStatementsTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @EveryDatabase
    void twoFirstChargesOfTheMonthBothCreateTheStatementAndOneFails(TestDatabase db) {
        MonthlyStatements statements = JdbcSample.on(db).statements;
        String account = newAccount();

        try (Race race = new Race(); Breakpoint afterLookup = db.pauseAfter("the statement lookup", Sql.selectFrom("monthly_statement"))) {
            Future<Void> first = race.start(() -> statements.charge(account, MAY, 10_00));
            afterLookup.awaitReached();
            Race.outcome(race.start(() -> statements.charge(account, MAY, 25_00)));
            afterLookup.release();

            assertThat(Race.failure(first)).isInstanceOf(DuplicateKeyException.class);
        }
        assertThat(statements.statements(account, MAY)).isEqualTo(1);
        assertThat(statements.total(account, MAY)).as("the first charge was refused").isEqualTo(25_00);
    }

    @EveryDatabase
    void creatingUnderASavepointThenLockingChargesBothOnOneStatement(TestDatabase db) {
        MonthlyStatements statements = JdbcSample.on(db).statements;
        String account = newAccount();

        try (Race race = new Race(); Breakpoint afterInsert = db.pauseAfter("the statement insert", Sql.insertInto("monthly_statement"))) {
            Future<Void> first = race.start(() -> statements.chargeCreatingUnderSavepoint(account, MAY, 10_00));
            afterInsert.awaitReached();
            Future<Void> second = race.start(() -> statements.chargeCreatingUnderSavepoint(account, MAY, 25_00));
            db.awaitLockWait();
            afterInsert.release();
            Race.outcome(first);
            Race.outcome(second);
        }
        assertThat(statements.statements(account, MAY)).isEqualTo(1);
        assertThat(statements.total(account, MAY)).isEqualTo(35_00);
    }

    private static String newAccount() {
        return "ACC-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
