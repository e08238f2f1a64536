package io.ormrace.samples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.samples.testkit.Breakpoint;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.Race;
import io.ormrace.samples.testkit.Sql;
import io.ormrace.samples.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

class SubscriberDirectoryTest {

    @EveryDatabase
    void reReadingTheWinnerInsideTheFailedTransactionWorksOnlyOnH2(TestDatabase db) throws Exception {
        SubscriberDirectory subscribers = JdbcSample.on(db).subscribers;
        String email = "ada-" + UUID.randomUUID() + "@example.org";

        subscribeTwiceWhileTheFirstHoldsItsLookup(db, () -> subscribers.subscribe(email), (first, secondToken) -> {
            switch (db.kind()) {
                case H2 -> assertThat(Race.outcome(first))
                        .as("READ COMMITTED and a statement-level rollback: the re-read sees the winner")
                        .isEqualTo(secondToken);
                case POSTGRESQL -> assertThat(Race.failure(first))
                        .as("PostgreSQL aborted the whole transaction at the duplicate")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("current transaction is aborted")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25P02");
                case MARIADB -> assertThat(Race.failure(first))
                        .as("REPEATABLE READ: the snapshot taken at the lookup does not hold the winner's row")
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("not visible");
            }
        });
        assertThat(subscribers.count(email)).isEqualTo(1);
    }

    @EveryDatabase
    void aSavepointAndALockingReReadReturnTheWinnersSubscriptionOnEveryDatabase(TestDatabase db) throws Exception {
        SubscriberDirectory subscribers = JdbcSample.on(db).subscribers;
        String email = "grace-" + UUID.randomUUID() + "@example.org";

        subscribeTwiceWhileTheFirstHoldsItsLookup(db, () -> subscribers.subscribeWithSavepoint(email),
                (first, secondToken) -> assertThat(Race.outcome(first)).isEqualTo(secondToken));
        assertThat(subscribers.count(email)).isEqualTo(1);
    }

    @EveryDatabase
    void readCommittedAndASavepointLetAPlainReReadFindTheWinnerOnEveryDatabase(TestDatabase db) throws Exception {
        SubscriberDirectory subscribers = JdbcSample.on(db).subscribers;
        String email = "edsger-" + UUID.randomUUID() + "@example.org";

        subscribeTwiceWhileTheFirstHoldsItsLookup(db, () -> subscribers.subscribeReadCommitted(email),
                (first, secondToken) -> assertThat(Race.outcome(first)).isEqualTo(secondToken));
        assertThat(subscribers.count(email)).isEqualTo(1);
    }

    private interface Outcome {
        void check(Future<String> first, String secondToken);
    }

    private static void subscribeTwiceWhileTheFirstHoldsItsLookup(TestDatabase db, Callable<String> subscribe, Outcome outcome) {
        try (Race race = new Race(); Breakpoint afterLookup = db.pauseAfter("the lookup by email", Sql.selectFrom("subscriber"))) {
            Future<String> first = race.start(subscribe);
            afterLookup.awaitReached();
            String secondToken = Race.outcome(race.start(subscribe));
            afterLookup.release();
            outcome.check(first, secondToken);
        }
    }
}
