package io.ormrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A race that spans methods and classes is reported where it is, with the calls that lead there as evidence. */
class CallPathTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/boundaries");

    private static List<Finding> findings() throws Exception {
        return new Analyzer(Path.of("")).analyze(List.of(FIXTURE)).findings();
    }

    @Test
    void aRowPassedToAnotherClassIsReportedWhereThatClassWritesIt() throws Exception {
        Finding take = findings().stream().filter(f -> f.location().path().endsWith("StockKeeper.java")).findFirst().orElseThrow();

        assertThat(take.anchor()).isEqualTo("fx.boundaries.StockKeeper#take");
        assertThat(take.location().line()).isEqualTo(13);
        assertThat(take.evidence()).extracting(Evidence::kind).startsWith(Evidence.Kind.CALL, Evidence.Kind.READ);
        Evidence call = take.evidence().get(0);
        assertThat(call.location().path()).endsWith("boundaries/Orders.java");
        assertThat(call.location().line()).isEqualTo(16);
        assertThat(call.description()).isEqualTo("calls keeper.take(product, quantity)");
        assertThat(take.evidence().get(1).location().path()).endsWith("boundaries/JpaStockStore.java");
    }

    @Test
    void aRaceWhollyInAPrivateHelperIsReportedAtTheHelpersWrite() throws Exception {
        Finding topUp = findings().stream().filter(f -> f.anchor().endsWith("#topUp")).findFirst().orElseThrow();

        assertThat(topUp.location().path()).endsWith("boundaries/Orders.java");
        assertThat(topUp.location().line()).isEqualTo(27);
        assertThat(topUp.evidence()).filteredOn(e -> e.kind() == Evidence.Kind.CALL).singleElement()
                .satisfies(e -> assertThat(e.location().line()).isEqualTo(20));
    }

    @Test
    void aRaceInTheMethodAnalyzedHasNoCallPath() throws Exception {
        Finding sell = findings().stream().filter(f -> f.anchor().endsWith("Inventory#sell")).findFirst().orElseThrow();

        assertThat(sell.evidence()).noneMatch(e -> e.kind() == Evidence.Kind.CALL);
    }
}
