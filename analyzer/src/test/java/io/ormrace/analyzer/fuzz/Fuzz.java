package io.ormrace.analyzer.fuzz;

import io.ormrace.analyzer.Analyzer;
import io.ormrace.analyzer.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the fuzz properties share: a generated project written to disk, analyzed, and judged. */
final class Fuzz {

    /** Far above what any input here takes; past it the analysis counts as hung. */
    private static final long TIMEOUT_SECONDS = Long.getLong("ormrace.fuzz.timeout", 120);

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "ormrace-fuzz");
        thread.setDaemon(true);
        return thread;
    });

    private Fuzz() {
    }

    /**
     * Writes the files (relative path to content) into a new directory, analyzes it, and deletes it. Fails when the
     * analysis throws, hangs, or reports an internal error; the failure shows the input.
     */
    static Analyzer.Result analyzeWithoutInternalErrors(Map<String, String> files) {
        Analyzer.Result result = analyze(files);
        List<Problem> internal = result.problems().stream().filter(Problem::isInternal).toList();
        if (!internal.isEmpty()) {
            throw new AssertionError("internal error" + (internal.size() > 1 ? "s" : "") + ":\n"
                    + internal.stream().map(p -> p + "\n    " + String.join("\n    ", p.trace())).collect(Collectors.joining("\n"))
                    + "\n" + show(files));
        }
        return result;
    }

    static Analyzer.Result analyze(Map<String, String> files) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ormrace-fuzz");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Future<Analyzer.Result> run = RUNNER.submit(() -> new Analyzer(dir).analyze(List.of(dir)));
        try {
            return run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("the analysis did not end within " + TIMEOUT_SECONDS + " s\n" + show(files));
        } catch (ExecutionException e) {
            throw new AssertionError("the analysis threw " + e.getCause() + "\n" + show(files), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            delete(dir);
        }
    }

    /** The input, as a failure shows it. */
    static String show(Map<String, String> files) {
        StringBuilder shown = new StringBuilder();
        new TreeMap<>(files).forEach((path, text) -> shown.append("==== ").append(path).append(" (").append(text.length())
                .append(" chars)\n").append(text.length() > 20_000 ? text.substring(0, 20_000) + "\n[...]" : text)
                .append(text.endsWith("\n") ? "" : "\n"));
        return shown.toString();
    }

    /** The files below a directory, by path relative to it, in a stable order. */
    static Map<String, String> read(Path dir, String... extensions) {
        if (!Files.isDirectory(dir)) {
            return Map.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            Map<String, String> files = new LinkedHashMap<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (Stream.of(extensions).anyMatch(name::endsWith)) {
                    files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure of the analyzer
        }
    }
}
