package io.ormrace.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost users pay: the wall time of a Spring Boot test suite ({@code benchmarks/spring-suite}, twenty test
 * classes each starting a Spring context) run by Maven's surefire without an agent, with ormrace's agent and with
 * JaCoCo's, the runs interleaved, the median of each. Arguments: the suite's folder, the ormrace agent jar, JaCoCo's
 * agent jar, and optionally the number of rounds (default 5).
 */
public final class SuiteBenchmark {

    public static void main(String[] args) throws Exception {
        Path suite = Path.of(args[0]).toAbsolutePath();
        Path ormrace = Path.of(args[1]).toAbsolutePath();
        Path jacoco = Path.of(args[2]).toAbsolutePath();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path work = Files.createTempDirectory("ormrace-suite");
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("no agent", "");
        configs.put("ormrace agent", "-javaagent:" + ormrace + "=output=" + work.resolve("runtime.json"));
        configs.put("JaCoCo agent", "-javaagent:" + jacoco + "=destfile=" + work.resolve("jacoco.exec"));
        maven(suite, work, "test-compile"); // compiled once, and every dependency in the local repository
        System.out.printf("Spring Boot test suite %s: %d interleaved rounds, %d cores, Java %s%n", suite.getFileName(),
                rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, String> config : configs.entrySet()) {
                long start = System.nanoTime();
                maven(suite, work, "surefire:test", "-DargLine=" + config.getValue());
                seconds.computeIfAbsent(config.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e9);
            }
        }
        double base = median(seconds.get("no agent"));
        System.out.printf("%-16s %10s %12s%n", "configuration", "median s", "x no agent");
        for (Map.Entry<String, List<Double>> config : seconds.entrySet()) {
            double median = median(config.getValue());
            System.out.printf("%-16s %10.2f %12.2f   %s%n", config.getKey(), median, median / base, config.getValue());
        }
    }

    private static void maven(Path suite, Path work, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-o", "-f", suite.resolve("pom.xml").toString()));
        command.addAll(List.of(goals));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("maven.log").toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the suite failed: " + String.join(" ", command) + ", see " + work.resolve("maven.log"));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
