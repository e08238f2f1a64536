package io.ormrace.samples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.samples.testkit.Breakpoint;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.Race;
import io.ormrace.samples.testkit.Sql;
import io.ormrace.samples.testkit.TestDatabase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import org.springframework.dao.DuplicateKeyException;

class DomainRegistryTest {

    @EveryDatabase
    void aWorkerRegisteringInBetweenMakesTheDiffStaleAndTheWholeBatchFails(TestDatabase db) {
        DomainRegistry domains = JdbcSample.on(db).domains;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String onlyFirst = "first-" + run + ".example";
        String shared = "shared-" + run + ".example";
        String onlySecond = "second-" + run + ".example";

        try (Race race = new Race(); Breakpoint afterLoad = db.pauseAfter("the load of known domains", Sql.selectFrom("crawled_domain"))) {
            Future<Integer> first = race.start(() -> domains.registerAll(List.of(onlyFirst, shared), "worker-1"));
            afterLoad.awaitReached();
            assertThat(Race.outcome(race.start(() -> domains.registerAll(List.of(shared, onlySecond), "worker-2")))).isEqualTo(2);
            afterLoad.release();

            assertThat(Race.failure(first)).isInstanceOf(DuplicateKeyException.class);
        }
        assertThat(domains.count(shared)).isEqualTo(1);
        assertThat(domains.count(onlyFirst)).as("the failed batch lost the first worker's new domain too").isZero();
    }

    @EveryDatabase
    void insertIfAbsentStoresEveryDomainOnceWhileTheSecondWorkerWaits(TestDatabase db) {
        DomainRegistry domains = JdbcSample.on(db).domains;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String onlyFirst = "first-" + run + ".example";
        String shared = "shared-" + run + ".example";
        String onlySecond = "second-" + run + ".example";

        try (Race race = new Race(); Breakpoint afterInsert = db.pauseAfter("the insert batch", Sql.insertInto("crawled_domain"))) {
            Future<Void> first = race.start(() -> domains.registerAllIfAbsent(List.of(onlyFirst, shared), "worker-1"));
            afterInsert.awaitReached();
            Future<Void> second = race.start(() -> domains.registerAllIfAbsent(List.of(shared, onlySecond), "worker-2"));
            db.awaitLockWait();
            afterInsert.release();
            Race.outcome(first);
            Race.outcome(second);
        }
        assertThat(List.of(onlyFirst, shared, onlySecond)).allSatisfy(name -> assertThat(domains.count(name)).isEqualTo(1));
    }
}
