package io.ormrace.benchmarks.overhead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's overhead, side by side in one run: each workload in a fresh JVM without agent, with the ormrace
 * agent, and with two well-known JDBC proxies logging to nowhere, the JVMs interleaved so that the machine's drift
 * hits every configuration alike. Prints the median of the trials and the ratio to the run without agent.
 * Arguments: the agent jar, then optionally the number of trials (default 3).
 */
public final class OverheadBenchmark {

    private static final int ROUNDS = 8;

    private record Config(String name, String proxy, boolean agent) {
    }

    /** Wall time and the workload thread's CPU time per statement: CPU time is not stretched by a busy host. */
    private record Result(double microsPerStatement, long peakHeap, long retainedHeap, double cpuMicrosPerStatement) {
    }

    public static void main(String[] args) throws Exception {
        Path agent = Path.of(args[0]).toAbsolutePath();
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (!Files.isRegularFile(agent)) {
            throw new IllegalArgumentException("no agent jar at " + agent + " (build the agent module first)");
        }
        Path work = Files.createTempDirectory("ormrace-overhead");
        List<Config> configs = List.of(new Config("no agent", "none", false),
                new Config("ormrace agent", "none", true),
                new Config("datasource-proxy", "datasource-proxy", false),
                new Config("p6spy", "p6spy", false));
        System.out.printf("agent overhead: %d trials x %d rounds per configuration, JVMs interleaved, %d cores, Java %s%n",
                trials, ROUNDS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (String workload : List.of("jdbc", "hibernate")) {
            Map<Config, List<Result>> results = new LinkedHashMap<>();
            for (int trial = 0; trial < trials; trial++) {
                for (Config config : configs) {
                    results.computeIfAbsent(config, c -> new ArrayList<>()).add(run(workload, config, agent, work));
                }
            }
            print(workload, results);
        }
    }

    private static Result run(String workload, Config config, Path agent, Path work) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xms512m"));
        if (config.agent()) {
            command.add("-javaagent:" + agent + "=output=" + work.resolve(workload + ".json") + ",quiet=true");
        }
        command.add("-Dp6spy.config.appender=com.p6spy.engine.spy.appender.FileLogger");
        command.add("-Dp6spy.config.logfile=/dev/null");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkloadRun.class.getName(), workload,
                config.proxy(), String.valueOf(ROUNDS)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException(workload + " / " + config.name() + " failed:\n" + output);
        }
        String[] parts = result.split(" ");
        System.out.printf("  %s / %s: %s us/statement, %s us CPU%n", workload, config.name(), parts[1], parts[4]);
        return new Result(Double.parseDouble(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                Double.parseDouble(parts[4]));
    }

    private static void print(String workload, Map<Config, List<Result>> results) {
        List<Result> none = results.values().iterator().next();
        double baseline = median(none, Result::microsPerStatement);
        double baselineCpu = median(none, Result::cpuMicrosPerStatement);
        double baselineRetained = median(none, r -> r.retainedHeap());
        System.out.printf("%n%s workload%n  %-18s %12s %7s %12s %7s %15s %15s%n", workload, "configuration",
                "us/statement", "ratio", "CPU us/stmt", "ratio", "peak heap MiB", "after GC MiB");
        for (Map.Entry<Config, List<Result>> entry : results.entrySet()) {
            double micros = median(entry.getValue(), Result::microsPerStatement);
            double cpu = median(entry.getValue(), Result::cpuMicrosPerStatement);
            double peak = median(entry.getValue(), r -> r.peakHeap()) / (1024.0 * 1024);
            double retained = median(entry.getValue(), r -> r.retainedHeap());
            System.out.printf(Locale.ROOT, "  %-18s %12.2f %6.2fx %12.2f %6.2fx %15.0f %9.1f (%+.1f)%n",
                    entry.getKey().name(), micros, micros / baseline, cpu, cpu / baselineCpu, peak,
                    retained / (1024.0 * 1024), (retained - baselineRetained) / (1024.0 * 1024));
        }
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> value) {
        double[] values = results.stream().mapToDouble(value).toArray();
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
