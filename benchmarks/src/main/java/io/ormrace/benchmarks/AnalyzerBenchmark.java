package io.ormrace.benchmarks;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import io.ormrace.analyzer.Analyzer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;

/**
 * Files per second of the whole analysis on a large tree, side by side in one JVM with (a) JavaParser parsing the same
 * files with the same threads, the floor of this design, and (b) PMD 7 with its quickstart rules. Each is warmed up,
 * then measured in rounds taken in turn; the median is printed, with the ratios (of the medians, and round by round)
 * and each one's peak heap.
 */
public final class AnalyzerBenchmark {

    /**
     * Rounds after the warm-up. On a shared 2-core machine one tool's rounds differ by up to 60% within a run, so the
     * medians need more than three; each round's ratios compare the tools under the same load.
     */
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "target/corpus");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        long lines = 0;
        for (Path file : files) {
            lines += Files.readAllLines(file, StandardCharsets.UTF_8).size();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("corpus: %s, %,d files, %,d lines; %d cores, max heap %d MiB, Java %s%n", corpus, files.size(),
                lines, cores, Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));

        List<Tool> tools = List.of(
                new Tool("JavaParser parse only", () -> parseOnly(files)),
                new Tool("ormrace analyzer", () -> ormrace(corpus)),
                new Tool("PMD 7 quickstart", () -> pmd(corpus, cores)));
        for (Tool tool : tools) {
            tool.run(false);
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Tool tool : tools) {
                tool.run(true);
            }
        }
        System.out.printf("%nper round, PMD 7 quickstart / ormrace analyzer: %s; ormrace analyzer / parse only: %s%n",
                ratios(tools.get(2), tools.get(1)), ratios(tools.get(1), tools.get(0)));
        double floor = tools.get(0).median();
        System.out.printf("%n%-24s %10s %12s %14s %12s %16s %s%n", "tool", "median s", "files/s", "x parse-only", "cores busy",
                "peak heap MiB", "result");
        for (Tool tool : tools) {
            double seconds = tool.median();
            System.out.printf("%-24s %10.2f %12.0f %14.2f %12.2f %16d %s%n", tool.name, seconds, files.size() / seconds,
                    seconds / floor, tool.coresBusy(), tool.peakHeap >> 20, tool.result);
        }
    }

    /** Each round's time of one tool over another's, and their median. */
    private static String ratios(Tool slower, Tool faster) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < slower.seconds.size(); round++) {
            ratios.add(slower.seconds.get(round) / faster.seconds.get(round));
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return ratios.stream().map(ratio -> String.format("%.2fx", ratio)).collect(java.util.stream.Collectors.joining(", "))
                + String.format(" (median %.2fx)", sorted[sorted.length / 2]);
    }

    private static String parseOnly(List<Path> files) {
        ThreadLocal<JavaParser> parser = ThreadLocal.withInitial(() -> new JavaParser(
                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)));
        long parsed = files.parallelStream().filter(file -> {
            try {
                return parser.get().parse(Files.readString(file)).isSuccessful();
            } catch (IOException e) {
                return false;
            }
        }).count();
        return parsed + " parsed";
    }

    private static String ormrace(Path corpus) throws IOException {
        Analyzer.Result result = new Analyzer(Path.of("")).analyze(List.of(corpus));
        return result.findings().size() + " findings, " + result.problems().size() + " problems";
    }

    private static String pmd(Path corpus, int cores) {
        PMDConfiguration configuration = new PMDConfiguration();
        configuration.setThreads(cores);
        configuration.addRuleSet("rulesets/java/quickstart.xml");
        configuration.setDefaultLanguageVersion(LanguageRegistry.PMD.getLanguageVersionById("java", "21"));
        configuration.addInputPath(corpus);
        configuration.setIgnoreIncrementalAnalysis(true);
        try (PmdAnalysis pmd = PmdAnalysis.create(configuration)) {
            return pmd.performAnalysisAndCollectReport().getViolations().size() + " violations";
        }
    }

    private static final class Tool {
        final String name;
        final Callable<String> work;
        final List<Double> seconds = new ArrayList<>();
        double cpuSeconds;
        double wallSeconds;
        long peakHeap;
        String result = "";

        Tool(String name, Callable<String> work) {
            this.name = name;
            this.work = work;
        }

        void run(boolean measured) throws Exception {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            result = work.call();
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            peakHeap = Math.max(peakHeap, peak);
            if (measured) {
                seconds.add(elapsed);
                cpuSeconds += cpu;
                wallSeconds += elapsed;
            }
            System.out.printf("  %s%s: %.2f s, %s%n", measured ? "" : "warm-up ", name, elapsed, result);
        }

        /** The process's CPU time over wall time while this tool ran: how many cores it kept busy, GC included. */
        double coresBusy() {
            return wallSeconds == 0 ? 0 : cpuSeconds / wallSeconds;
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        double median() {
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[sorted.length / 2];
        }
    }

}
