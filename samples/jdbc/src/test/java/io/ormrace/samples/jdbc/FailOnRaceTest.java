package io.ormrace.samples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What a team gets from {@code ormrace.failOn=warning}: a plain single-threaded test of racy code fails, naming the
 * race, its line and the fix, although nothing raced. The scenario runs in its own JUnit engine so that this build
 * stays green; it needs the agent (attached to these tests by samples/pom.xml) and the ormrace-junit extension.
 */
class FailOnRaceTest {

    @Test
    void aTestOfRacyCodeFailsUnderFailOnWithTheRaceAndTheFix() {
        var results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RacyStockTakingScenario.class))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("ormrace.failOn", "warning")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().get(0);
        assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("takingStockUnlocked()");
        Throwable failure = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("ormrace: ")
                .hasMessageContaining("io/ormrace/samples/jdbc/StockRoom.java:33: [lost-update] stock_item.quantity")
                .hasMessageContaining("fix: ");
    }

    /** Not a test of this build: run only by the engine above (its name escapes surefire's includes). */
    static class RacyStockTakingScenario {

        private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:fail-on;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
        private final StockRoom stockRoom = new StockRoom(dataSource);

        RacyStockTakingScenario() throws Exception {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("create table if not exists stock_item (sku varchar(64) primary key, quantity int not null)");
            }
        }

        @Test
        void takingStockUnlocked() throws Exception {
            String sku = "SKU-" + UUID.randomUUID();
            stockRoom.stock(sku, 10);
            assertThat(stockRoom.take(sku, 3)).isTrue();
        }

        @Test
        void takingStockInATransaction() throws Exception {
            String sku = "SKU-" + UUID.randomUUID();
            stockRoom.stock(sku, 10);
            assertThat(stockRoom.takeInTransaction(sku, 3)).isTrue();
        }
    }
}
