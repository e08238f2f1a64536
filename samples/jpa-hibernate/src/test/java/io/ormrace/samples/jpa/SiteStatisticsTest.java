package io.ormrace.samples.jpa;

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

class SiteStatisticsTest {

    private static String newPage() {
        String page = "/pricing/" + UUID.randomUUID();
        return page;
    }

    @EveryDatabase
    void readIncrementWriteCountsTwoConcurrentViewsAsOne(TestDatabase db) {
        SiteStatistics statistics = Ledger.on(db).statistics;
        String page = newPage();
        statistics.openPage(page);

        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the read of the counter", Sql.selectFrom("page_counter"))) {
            Future<Long> first = race.start(() -> statistics.recordView(page));
            afterRead.awaitReached();
            long second = Race.outcome(race.start(() -> statistics.recordView(page)));
            afterRead.release();

            assertThat(second).isEqualTo(1);
            assertThat(Race.outcome(first)).as("the first view wrote back its stale read plus one").isEqualTo(1);
        }
        assertThat(statistics.views(page)).as("two views were recorded, one was lost").isEqualTo(1);
    }

    @EveryDatabase
    void pessimisticWriteLockMakesTheSecondViewWaitAndCountOnTop(TestDatabase db) {
        SiteStatistics statistics = Ledger.on(db).statistics;
        String page = newPage();
        statistics.openPage(page);

        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the locked read of the counter", Sql.selectFrom("page_counter"))) {
            Future<Long> first = race.start(() -> statistics.recordViewLocked(page));
            afterRead.awaitReached();
            Future<Long> second = race.start(() -> statistics.recordViewLocked(page));
            db.awaitLockWait();
            assertThat(second).as("the second view waits for the lock").isNotDone();
            afterRead.release();

            assertThat(Race.outcome(first)).isEqualTo(1);
            assertThat(Race.outcome(second)).as("the second view saw the first one's write").isEqualTo(2);
        }
        assertThat(statistics.views(page)).isEqualTo(2);
    }

    @EveryDatabase
    void atomicUpdateCountsEveryView(TestDatabase db) {
        SiteStatistics statistics = Ledger.on(db).statistics;
        String page = newPage();
        statistics.openPage(page);

        try (Race race = new Race(); Breakpoint afterUpdate = db.pauseAfter("the increment", Sql.update("page_counter"))) {
            Future<Void> first = race.start(() -> statistics.recordViewAtomically(page));
            afterUpdate.awaitReached();
            Future<Void> second = race.start(() -> statistics.recordViewAtomically(page));
            db.awaitLockWait();
            afterUpdate.release();
            Race.outcome(first);
            Race.outcome(second);
        }
        assertThat(statistics.views(page)).isEqualTo(2);
    }

    @EveryDatabase
    void versionCheckRetriesTheDownloadThatReadStaleStateAndCountsBoth(TestDatabase db) {
        SiteStatistics statistics = Ledger.on(db).statistics;
        String file = "report-" + UUID.randomUUID() + ".pdf";
        statistics.publishFile(file);

        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the read of the counter", Sql.selectFrom("download_counter"))) {
            Future<Long> first = race.start(() -> statistics.recordDownload(file));
            afterRead.awaitReached();
            long second = Race.outcome(race.start(() -> statistics.recordDownload(file)));
            afterRead.release();

            assertThat(second).isEqualTo(1);
            assertThat(Race.outcome(first)).as("the stale write failed its version check and was retried").isEqualTo(2);
        }
        assertThat(statistics.downloads(file)).isEqualTo(2);
    }

    @EveryDatabase
    void aPessimisticLockWithoutATransactionIsRefusedByJpa(TestDatabase db) {
        SiteStatistics statistics = Ledger.on(db).statistics;
        String page = newPage();
        statistics.openPage(page);

        assertThatThrownBy(() -> statistics.viewsHoldingTheRow(page)).isInstanceOf(TransactionRequiredException.class);
    }
}
