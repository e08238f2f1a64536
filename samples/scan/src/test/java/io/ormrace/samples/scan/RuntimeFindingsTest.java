package io.ormrace.samples.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent's ground truth: the samples' proofs ran under the agent (see samples/pom.xml), and each sample line
 * ending in {@code // ormrace-runtime: RULE} must be in that module's runtime report with RULE, seen on every
 * database the proofs ran on, while no other line may be.
 */
class RuntimeFindingsTest {

    private static final Pattern MARKER = Pattern.compile("//\\s*ormrace-runtime:\\s*([a-z-]+(?:\\s*,\\s*[a-z-]+)*)\\s*$");

    @ParameterizedTest
    @ValueSource(strings = {"jdbc", "spring-shop", "jpa-hibernate"})
    void theAgentReportsExactlyTheMarkedLinesOnEveryDatabase(String module) throws Exception {
        Path sample = Path.of("..", module);
        Path report = sample.resolve("target/ormrace/runtime.json");
        assertThat(report).as("the runtime report of samples/" + module + ": run its tests under the agent first "
                + "(mvn -B verify)").exists();
        JsonNode findings = new ObjectMapper().readTree(report.toFile()).get("findings");

        Set<String> actual = new TreeSet<>();
        for (JsonNode finding : findings) {
            actual.add(finding.get("location").get("path").asText() + ":" + finding.get("location").get("line").asInt()
                    + " [" + finding.get("rule").asText() + "]");
            Set<String> databases = new TreeSet<>();
            finding.get("tests").forEach(test -> databases.add(test.get("displayName").asText()));
            assertThat(databases).as("databases on which %s was seen", finding.get("message").asText())
                    .containsAll(expectedDatabases());
        }
        assertThat(actual).isEqualTo(markers(sample, sample.resolve("src/main/java")));
    }

    private static Set<String> expectedDatabases() {
        return "true".equals(System.getenv("CI")) ? Set.of("[H2]", "[PostgreSQL]", "[MariaDB]") : Set.of("[H2]");
    }

    /** The marked lines, by their path from the module, as the agent and the analyzer both write it. */
    private static Set<String> markers(Path module, Path root) throws Exception {
        Set<String> expected = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher marker = MARKER.matcher(lines.get(i));
                if (marker.find()) {
                    for (String rule : marker.group(1).split("\\s*,\\s*")) {
                        expected.add(module.relativize(source).toString().replace('\\', '/') + ":" + (i + 1) + " [" + rule + "]");
                    }
                }
            }
        }
        return expected;
    }
}
