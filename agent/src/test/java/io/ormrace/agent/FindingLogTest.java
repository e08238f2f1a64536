package io.ormrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.core.Finding;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;
import io.ormrace.core.SourceLocation;
import io.ormrace.core.TestCase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class FindingLogTest {

    private final FindingLog log = new FindingLog();

    private static Finding finding(String table) {
        return Finding.builder(Rule.LOST_UPDATE, Origin.RUNTIME).message(table + ".n is read, then written back")
                .at(SourceLocation.lineOnly("shop/Shop.java", 7), "shop.Shop#" + table).target(table, List.of("n")).build();
    }

    @Test
    void underParallelExecutionEachFindingBelongsToTheTestOfItsThread() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch bothRecorded = new CountDownLatch(2);
        ExecutorService runner = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<List<Finding>> racy = CompletableFuture.supplyAsync(() -> run(new TestCase("shop.ShopTest", "racy", "racy()"),
                    "stock", bothStarted, bothRecorded), runner);
            CompletableFuture<List<Finding>> clean = CompletableFuture.supplyAsync(() -> run(new TestCase("shop.ShopTest", "clean", "clean()"),
                    null, bothStarted, bothRecorded), runner);

            assertThat(racy.get()).extracting(Finding::target).containsExactly("stock");
            assertThat(clean.get()).as("the clean test ran while the racy one saw its race").isEmpty();
            assertThat(log.all()).singleElement().satisfies(f -> assertThat(f.tests()).extracting(TestCase::methodName)
                    .containsExactly("racy"));
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void aThreadTheTestStartedCountsForThatTest() throws Exception {
        log.testStarted(new TestCase("shop.ShopTest", "racesOnItsOwnThreads", "racesOnItsOwnThreads()"));
        Thread worker = new Thread(() -> log.record("worker", () -> finding("seat")));
        worker.start();
        worker.join();

        assertThat(log.testFinished()).extracting(Finding::target).containsExactly("seat");
    }

    private List<Finding> run(TestCase test, String table, CountDownLatch bothStarted, CountDownLatch bothRecorded) {
        log.testStarted(test);
        bothStarted.countDown();
        await(bothStarted);
        if (table != null) {
            log.record(table, () -> finding(table));
        }
        bothRecorded.countDown();
        await(bothRecorded);
        return log.testFinished();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
