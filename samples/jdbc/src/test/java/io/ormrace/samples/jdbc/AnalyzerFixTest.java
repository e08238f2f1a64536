package io.ormrace.samples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.analyzer.Analyzer;
import io.ormrace.core.Finding;
import io.ormrace.core.Rule;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

/**
 * The fix the analyzer offers for {@link StockRoom#take}'s lost update is SQL a user pastes: it must run on every
 * database as written, and keep the invariant of the Java check it replaces (stock never goes below zero).
 */
class AnalyzerFixTest {

    private static final Path STOCK_ROOM = Path.of("src/main/java/io/ormrace/samples/jdbc/StockRoom.java");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @EveryDatabase
    void theAtomicUpdateOfferedForTheTakingRunsAndRefusesToGoBelowZero(TestDatabase db) throws Exception {
        List<Finding> findings = new Analyzer(Path.of("")).analyze(List.of(STOCK_ROOM, MIGRATIONS)).findings();
        Finding lostUpdate = findings.stream().filter(f -> f.rule() == Rule.LOST_UPDATE).findFirst().orElseThrow();
        String fix = lostUpdate.firstFix().orElseThrow().code();
        assertThat(fix).isEqualTo("update stock_item set quantity = quantity + ? where sku = ? and quantity >= ?"
                + "  -- 0 rows: the check failed");

        StockRoom stockRoom = JdbcSample.on(db).stockRoom;
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        stockRoom.stock(sku, 10);
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement take = connection.prepareStatement(fix.replaceFirst("\\s+--.*$", ""))) {
            take.setInt(1, -7);
            take.setString(2, sku);
            take.setInt(3, 7);
            assertThat(take.executeUpdate()).as("10 in stock, 7 taken").isEqualTo(1);
            assertThat(take.executeUpdate()).as("3 in stock, 7 asked: the guard refuses").isZero();
        }
        assertThat(stockRoom.quantity(sku)).isEqualTo(3);
    }
}
