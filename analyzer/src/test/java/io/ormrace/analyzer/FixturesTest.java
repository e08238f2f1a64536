package io.ormrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code fixtures/} is a small project: a line ending in {@code // ormrace: <rule>} must be
 * flagged with that rule, and every other line must stay quiet.
 */
class FixturesTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    static Stream<Path> fixtures() throws IOException {
        return Files.list(FIXTURES).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findsExactlyWhatTheFixtureMarks(Path fixture) throws Exception {
        Path here = Path.of("");
        Analyzer.Result result = new Analyzer(here).analyze(List.of(fixture));

        Set<String> expected = Expectations.expected(here, List.of(fixture));
        Set<String> actual = Expectations.actual(result.findings());

        assertThat(actual).as(Expectations.difference(expected, actual, result.findings(), result.problems()))
                .isEqualTo(expected);
        assertThat(result.problems()).isEmpty();
    }
}
