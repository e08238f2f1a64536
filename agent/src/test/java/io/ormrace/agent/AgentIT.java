package io.ormrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged agent on a real JVM (the scenarios live outside io.ormrace.agent, which the agent never blames) running plain JDBC against H2: what users get from {@code -javaagent}. */
class AgentIT {

    private static final Pattern MARKER = Pattern.compile("//\\s*ormrace-runtime:\\s*([a-z-]+(?:\\s*,\\s*[a-z-]+)*)\\s*$");
    private static final Path SCENARIOS = Path.of("src/test/java/io/ormrace/scenarios/JdbcScenarios.java");

    @Test
    void reportsExactlyTheMarkedSequencesWithTheirApplicationLines(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("runtime.json");
        Path sarif = dir.resolve("runtime.sarif");
        Run run = runScenarios("output=" + json + ",output=" + sarif + ",redact=false");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("ormrace agent: 8 finding(s)").doesNotContain("error(s) inside the agent")
                .contains("java.lang open to the application: false")
                .as("a getter that throws throws to the application as without the agent").contains("getter threw 42S22");
        JsonNode findings = new ObjectMapper().readTree(json.toFile()).get("findings");
        TreeSet<String> actual = new TreeSet<>();
        for (JsonNode finding : findings) {
            JsonNode location = finding.get("location");
            assertThat(location.get("path").asText()).as("the path from the project, as the analyzer writes it")
                    .isEqualTo("src/test/java/io/ormrace/scenarios/JdbcScenarios.java");
            actual.add(location.get("line").asInt() + " " + finding.get("rule").asText());
        }
        assertThat(actual).isEqualTo(expected());
        assertThat(Files.readString(sarif)).contains("\"ruleId\": \"lost-update\"");
    }

    @Test
    void theSameSequenceSeenThreeTimesIsOneFindingCountedThrice(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("runtime.json");
        runScenarios("output=" + json);

        JsonNode lostUpdate = null;
        for (JsonNode finding : new ObjectMapper().readTree(json.toFile()).get("findings")) {
            if (finding.get("rule").asText().equals("lost-update") && finding.get("count").asInt() > 1) {
                lostUpdate = finding;
            }
        }
        assertThat(lostUpdate).isNotNull();
        assertThat(lostUpdate.get("count").asInt()).isEqualTo(3);
        assertThat(lostUpdate.toString()).as("bound values are redacted by default").doesNotContain("1000 -> 990");
        assertThat(lostUpdate.get("evidence").toString()).contains("update account set balance = ? where id = ?");
    }

    @Test
    void aStatementThatCannotBeParsedIsRedactedToo(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("runtime.json");
        Run run = runScenarios("output=" + json);

        assertThat(run.output).contains("could not be parsed").contains("table(x varchar = (?, ?))").doesNotContain("hunter2");
        assertThat(Files.readString(json)).contains("could not be parsed").doesNotContain("hunter2");
    }

    @Test
    void theSummaryReachesTheProcessStderrThoughTheTestRunnerTookSystemErr(@TempDir Path dir) throws Exception {
        Run run = runScenarios("output=" + dir.resolve("runtime.json"), "--runner-takes-system-err");

        assertThat(run.exitCode).isZero();
        assertThat(run.output).contains("ormrace agent: 8 finding(s)").contains("reports: [" + dir.resolve("runtime.json"));
    }

    @Test
    void aClassOfAnAbsentOptionalDependencyIsNoNotice(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("runtime.json");
        Run run = runScenarios("output=" + json);

        assertThat(run.output).doesNotContain("could not be inspected");
        assertThat(Files.readString(json)).doesNotContain("could not be inspected");
    }

    @Test
    void besideAnotherToolsAgentTheFindingsAreTheSame(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("runtime.json");
        Path coverage = dir.resolve("jacoco.exec");
        Path jacoco = Path.of(java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("org.jacoco.agent") && entry.endsWith("runtime.jar")).findFirst().orElseThrow());

        Run run = run("output=" + json, "io.ormrace.scenarios.JdbcScenarios", List.of("-javaagent:" + jacoco + "=destfile=" + coverage));

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("ormrace agent: 8 finding(s)").doesNotContain("error(s) inside the agent");
        TreeSet<String> actual = new TreeSet<>();
        for (JsonNode finding : new ObjectMapper().readTree(json.toFile()).get("findings")) {
            actual.add(finding.get("location").get("line").asInt() + " " + finding.get("rule").asText());
        }
        assertThat(actual).isEqualTo(expected());
        assertThat(coverage).as("the other agent did its work too").exists();
    }

    @Test
    void aBadOptionIsReportedAndTheApplicationStillRuns() throws Exception {
        Run run = runScenarios("colour=blue");

        assertThat(run.exitCode).isZero();
        assertThat(run.output).contains("ormrace agent: not attached: ormrace agent: unknown option 'colour'");
    }

    /** The test classes without the stand-in of an optional dependency, as an application runs without one. */
    private static Path scenarioClasses() throws Exception {
        Path copy = Path.of("target", "scenario-classes");
        Path classes = Path.of("target", "test-classes");
        try (var files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("OptionalBase.class")) {
                    Path target = copy.resolve(classes.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }

    private static TreeSet<String> expected() throws Exception {
        TreeSet<String> expected = new TreeSet<>();
        List<String> lines = Files.readAllLines(SCENARIOS, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (marker.find()) {
                for (String rule : marker.group(1).split("\\s*,\\s*")) {
                    expected.add((i + 1) + " " + rule);
                }
            }
        }
        return expected;
    }

    private record Run(int exitCode, String output) {
    }

    @Test
    void theApplicationsStatementStreamIsTheSameWithAndWithoutTheAgent(@TempDir Path dir) throws Exception {
        Run without = run(null, "io.ormrace.scenarios.StatementStream");
        Run with = run("output=" + dir.resolve("runtime.json"), "io.ormrace.scenarios.StatementStream");

        assertThat(with.output).as("the agent saw the races").contains("ormrace agent: 2 finding(s)");
        assertThat(stream(with.output)).isEqualTo(stream(without.output)).contains("STREAM prepareStatement select quantity from stock where id = ?");
    }

    private static List<String> stream(String output) {
        return output.lines().filter(line -> line.startsWith("STREAM ")).toList();
    }

    private static Run runScenarios(String options, String... arguments) throws Exception {
        return run(options, "io.ormrace.scenarios.JdbcScenarios", List.of(), arguments);
    }

    private static Run run(String options, String main, String... arguments) throws Exception {
        return run(options, main, List.of(), arguments);
    }

    private static Run run(String options, String main, List<String> otherAgents, String... arguments) throws Exception {
        Path agent = Path.of("target", "ormrace-agent.jar");
        assertThat(agent).exists();
        List<String> classpath = new ArrayList<>();
        classpath.add(scenarioClasses().toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("h2")) {
                classpath.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(otherAgents);
        if (options != null) {
            command.add("-javaagent:" + agent + "=" + options);
        }
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), main));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
