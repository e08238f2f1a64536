package io.ormrace.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.samples.testkit.Breakpoint;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.Race;
import io.ormrace.samples.testkit.Sql;
import io.ormrace.samples.testkit.TestDatabase;
import java.util.UUID;
import java.util.concurrent.Future;
import org.springframework.dao.DataIntegrityViolationException;

class GetOrCreateTest {

    @EveryDatabase
    void withoutAUniqueConstraintConcurrentCallersCreateDuplicateTags(TestDatabase db) {
        TagService tags = Shop.bean(db, TagService.class);
        String name = "summer-sale-" + UUID.randomUUID();

        try (Race race = new Race(); Breakpoint afterLookup = db.pauseAfter("the lookup by name", Sql.selectFrom("tag"))) {
            Future<Tag> first = race.start(() -> tags.findOrCreate(name));
            afterLookup.awaitReached();
            Tag second = Race.outcome(race.start(() -> tags.findOrCreate(name)));
            afterLookup.release();
            assertThat(Race.outcome(first).getId()).isNotEqualTo(second.getId());
        }
        assertThat(tags.count(name)).isEqualTo(2);
    }

    @EveryDatabase
    void withAnUnhandledUniqueViolationTheLoserFailsInsteadOfGettingTheCustomer(TestDatabase db) {
        CustomerService customers = Shop.bean(db, CustomerService.class);
        String email = "ada-" + UUID.randomUUID() + "@example.org";

        try (Race race = new Race(); Breakpoint afterLookup = db.pauseAfter("the lookup by email", Sql.selectFrom("customer"))) {
            Future<Customer> first = race.start(() -> customers.findOrRegister(email));
            afterLookup.awaitReached();
            Race.outcome(race.start(() -> customers.findOrRegister(email)));
            afterLookup.release();
            assertThat(Race.failure(first)).isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(customers.count(email)).isEqualTo(1);
    }

    @EveryDatabase
    void insertingInItsOwnTransactionAndReReadingReturnsTheWinnerEverywhere(TestDatabase db) {
        CustomerService customers = Shop.bean(db, CustomerService.class);
        String email = "grace-" + UUID.randomUUID() + "@example.org";

        try (Race race = new Race(); Breakpoint afterLookup = db.pauseAfter("the lookup by email", Sql.selectFrom("customer"))) {
            Future<Customer> first = race.start(() -> customers.findOrRegisterSafely(email));
            afterLookup.awaitReached();
            Customer second = Race.outcome(race.start(() -> customers.findOrRegisterSafely(email)));
            afterLookup.release();
            assertThat(Race.outcome(first).getId()).isEqualTo(second.getId());
        }
        assertThat(customers.count(email)).isEqualTo(1);
    }
}
