package io.ormrace.samples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.samples.testkit.Breakpoint;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.Race;
import io.ormrace.samples.testkit.Sql;
import io.ormrace.samples.testkit.TestDatabase;
import java.util.UUID;
import java.util.concurrent.Future;

class StockRoomTest {

    @EveryDatabase
    void aForUpdateLockInAutocommitIsReleasedAtOnceAndATakingIsLost(TestDatabase db) throws Exception {
        StockRoom stockRoom = JdbcSample.on(db).stockRoom;
        String sku = newItem(stockRoom);

        try (Race race = new Race(); Breakpoint afterLock = db.pauseAfter("the locking read", Sql.selectForUpdateFrom("stock_item"))) {
            Future<Boolean> first = race.start(() -> stockRoom.take(sku, 3));
            afterLock.awaitReached();
            assertThat(Race.outcome(race.start(() -> stockRoom.take(sku, 4))))
                    .as("the second taking ran to the end while the first still 'held' its lock")
                    .isTrue();
            afterLock.release();
            assertThat(Race.outcome(first)).isTrue();
        }
        assertThat(stockRoom.quantity(sku)).as("10 - 3 - 4 should leave 3; the first taking overwrote the second").isEqualTo(7);
    }

    @EveryDatabase
    void theSameLockInsideATransactionMakesTheSecondTakingWait(TestDatabase db) throws Exception {
        StockRoom stockRoom = JdbcSample.on(db).stockRoom;
        String sku = newItem(stockRoom);

        try (Race race = new Race(); Breakpoint afterLock = db.pauseAfter("the locking read", Sql.selectForUpdateFrom("stock_item"))) {
            Future<Boolean> first = race.start(() -> stockRoom.takeInTransaction(sku, 3));
            afterLock.awaitReached();
            Future<Boolean> second = race.start(() -> stockRoom.takeInTransaction(sku, 4));
            db.awaitLockWait();
            assertThat(second).isNotDone();
            afterLock.release();
            assertThat(Race.outcome(first)).isTrue();
            assertThat(Race.outcome(second)).isTrue();
        }
        assertThat(stockRoom.quantity(sku)).isEqualTo(3);
    }

    private static String newItem(StockRoom stockRoom) throws Exception {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        stockRoom.stock(sku, 10);
        return sku;
    }
}
