package io.ormrace.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ormrace.samples.testkit.Breakpoint;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.Race;
import io.ormrace.samples.testkit.Sql;
import io.ormrace.samples.testkit.TestDatabase;
import jakarta.persistence.TransactionRequiredException;
import java.util.UUID;
import java.util.concurrent.Future;
import org.springframework.dao.InvalidDataAccessApiUsageException;

class InventoryServiceTest {

    private static long newProduct(InventoryService inventory, int stock) {
        return inventory.add("SKU-" + UUID.randomUUID(), stock);
    }

    @EveryDatabase
    void twoBuyersOfTheLastItemBothGetIt(TestDatabase db) {
        InventoryService inventory = Shop.bean(db, InventoryService.class);
        long product = newProduct(inventory, 1);

        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the read of the product", Sql.selectFrom("product"))) {
            Future<Boolean> first = race.start(() -> inventory.reserve(product));
            afterRead.awaitReached();
            assertThat(Race.outcome(race.start(() -> inventory.reserve(product)))).isTrue();
            afterRead.release();
            assertThat(Race.outcome(first)).as("the first buyer checked a stale stock of 1").isTrue();
        }
        assertThat(inventory.stock(product)).as("two items sold, one left the stock").isZero();
    }

    @EveryDatabase
    void aConditionalUpdateSellsTheLastItemOnce(TestDatabase db) {
        InventoryService inventory = Shop.bean(db, InventoryService.class);
        long product = newProduct(inventory, 1);

        try (Race race = new Race(); Breakpoint afterUpdate = db.pauseAfter("the decrement", Sql.update("product"))) {
            Future<Boolean> first = race.start(() -> inventory.reserveAtomically(product));
            afterUpdate.awaitReached();
            Future<Boolean> second = race.start(() -> inventory.reserveAtomically(product));
            db.awaitLockWait();
            afterUpdate.release();
            assertThat(Race.outcome(first)).isTrue();
            assertThat(Race.outcome(second)).as("the second buyer's update found no stock left").isFalse();
        }
        assertThat(inventory.stock(product)).isZero();
    }

    @EveryDatabase
    void selfInvocationBypassesTheTransactionAndJpaRefusesTheLock(TestDatabase db) {
        InventoryService inventory = Shop.bean(db, InventoryService.class);
        long product = newProduct(inventory, 1);

        assertThatThrownBy(() -> inventory.restock(product, 5))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasCauseInstanceOf(TransactionRequiredException.class);
        assertThat(inventory.stock(product)).isEqualTo(1);
    }

    @EveryDatabase
    void aPrivateTransactionalMethodRunsItsForUpdateInAutocommitAndLosesAReturn(TestDatabase db) {
        InventoryService inventory = Shop.bean(db, InventoryService.class);
        long product = newProduct(inventory, 10);

        try (Race race = new Race(); Breakpoint afterLock = db.pauseAfter("the for update read", Sql.selectForUpdateFrom("product"))) {
            Future<Void> first = race.start(() -> inventory.acceptReturn(product, 2));
            afterLock.awaitReached();
            Race.outcome(race.start(() -> inventory.acceptReturn(product, 3)));
            afterLock.release();
            Race.outcome(first);
        }
        assertThat(inventory.stock(product)).as("10 + 2 + 3 should be 15; the lock protected nothing").isEqualTo(12);
    }

    @EveryDatabase
    void throughTheProxyTheLockMakesTheSecondDeliveryWait(TestDatabase db) {
        InventoryService inventory = Shop.bean(db, InventoryService.class);
        Deliveries deliveries = Shop.bean(db, Deliveries.class);
        long product = newProduct(inventory, 10);

        try (Race race = new Race(); Breakpoint afterLock = db.pauseAfter("the locked read", Sql.selectFrom("product"))) {
            Future<Void> first = race.start(() -> deliveries.receive(product, 2));
            afterLock.awaitReached();
            Future<Void> second = race.start(() -> deliveries.receive(product, 3));
            db.awaitLockWait();
            assertThat(second).isNotDone();
            afterLock.release();
            Race.outcome(first);
            Race.outcome(second);
        }
        assertThat(inventory.stock(product)).isEqualTo(15);
    }
}
