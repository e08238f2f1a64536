package io.ormrace.analyzer.flow;

import io.ormrace.analyzer.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The entry methods whose walk stopped at a limit (call depth, or the number of calls one walk may go into): said
 * once per run, so that a limit is never silent and a large code base does not get one line per method.
 */
public final class WalkLimits {

    static final int MAX_DEPTH = 6;
    static final int INLINE_BUDGET = 256;
    static final int MAX_LAMBDAS = 12;

    record Cutoff(String file, int line, String method, String limit) {
    }

    private final ConcurrentLinkedQueue<Cutoff> cutoffs = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.LongAdder walked = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder reused = new java.util.concurrent.atomic.LongAdder();

    void counted(int walkedCalls, int reusedCalls) {
        walked.add(walkedCalls);
        reused.add(reusedCalls);
    }

    /** The calls the run's walks went into, and those a helper's summary answered instead (see InertMethods). */
    public String calls() {
        return String.format("%,d calls walked, %,d answered by a summary", walked.sum(), reused.sum());
    }

    void add(Cutoff cutoff) {
        cutoffs.add(cutoff);
    }

    public int count() {
        return cutoffs.size();
    }

    /** One warning at the first method cut off (by file and line), naming how many others were. */
    public Optional<Problem> notice() {
        List<Cutoff> sorted = cutoffs.stream()
                .sorted(Comparator.comparing(Cutoff::file).thenComparingInt(Cutoff::line)).toList();
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        Cutoff first = sorted.get(0);
        Map<String, Long> byLimit = new TreeMap<>(sorted.stream().collect(Collectors.groupingBy(Cutoff::limit, Collectors.counting())));
        String counts = byLimit.entrySet().stream().map(e -> e.getValue() + " at " + e.getKey())
                .collect(Collectors.joining(", "));
        String walks = sorted.size() == 1 ? "the walk of " + first.method() + " stopped at a limit (" + first.limit() + ")"
                : "the walks of " + sorted.size() + " methods stopped at a limit (" + counts + "), the first here, "
                        + first.method();
        return Optional.of(Problem.warning(first.file(), first.line(), walks + ": the calls past it were not followed, "
                + "and a race in them is not reported; ormrace.models can describe a deep persistence method in one line"));
    }
}
