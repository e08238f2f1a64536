package io.ormrace.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.samples.testkit.Breakpoint;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.Race;
import io.ormrace.samples.testkit.Sql;
import io.ormrace.samples.testkit.TestDatabase;
import java.util.concurrent.Future;

class CheckoutServiceTest {

    @EveryDatabase
    void aDoubleClickOnPayChargesTheCustomerTwice(TestDatabase db) {
        CheckoutService checkout = Shop.bean(db, CheckoutService.class);
        long order = checkout.place(49_90);

        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the read of the order", Sql.selectFrom("purchase_order"))) {
            Future<Boolean> first = race.start(() -> checkout.pay(order));
            afterRead.awaitReached();
            assertThat(Race.outcome(race.start(() -> checkout.pay(order)))).isTrue();
            afterRead.release();
            assertThat(Race.outcome(first)).as("the first click saw a stale PENDING").isTrue();
        }
        assertThat(checkout.paymentsFor(order)).isEqualTo(2);
    }

    @EveryDatabase
    void aConditionalStatusTransitionTakesOnePayment(TestDatabase db) {
        CheckoutService checkout = Shop.bean(db, CheckoutService.class);
        long order = checkout.place(49_90);

        try (Race race = new Race(); Breakpoint afterUpdate = db.pauseAfter("the status transition", Sql.update("purchase_order"))) {
            Future<Boolean> first = race.start(() -> checkout.payOnce(order));
            afterUpdate.awaitReached();
            Future<Boolean> second = race.start(() -> checkout.payOnce(order));
            db.awaitLockWait();
            afterUpdate.release();
            assertThat(Race.outcome(first)).isTrue();
            assertThat(Race.outcome(second)).as("the order was no longer PENDING for the second click").isFalse();
        }
        assertThat(checkout.paymentsFor(order)).isEqualTo(1);
    }
}
