package io.ormrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ground truth: every racy sample flagged with its rule on its line, and no fix flagged. */
class SamplesTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void everyRacySampleIsFlaggedWithItsRuleAndNoFixIs() throws Exception {
        Path here = Path.of("");
        Analyzer.Result result = new Analyzer(here).analyze(List.of(SAMPLES));

        Set<String> expected = Expectations.expected(here, List.of(SAMPLES));
        Set<String> actual = Expectations.actual(result.findings());

        assertThat(expected).as("the samples carry their ground truth").hasSizeGreaterThanOrEqualTo(15);
        assertThat(actual).as(Expectations.difference(expected, actual, result.findings(), result.problems()))
                .isEqualTo(expected);
        assertThat(result.problems()).isEmpty();
    }
}
