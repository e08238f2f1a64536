package io.ormrace.analyzer.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Shrinks a fuzz input that fails, greedily: shorter lists first (all of it dropped, then halves, quarters and so on
 * down to single numbers, from the end towards the start), then smaller numbers (runs of them set to 0, then each
 * lowered towards 0); each candidate is run, and one that still fails becomes the input to shrink further. Since
 * {@link Choices} reads a missing or small number as the generator's simplest option, a shorter list of smaller
 * numbers decodes to a simpler input. Bounded: at most {@value #MAX_RUNS} runs, and none started after
 * {@value #MAX_SECONDS} s.
 */
final class Shrinker {

    private static final int MAX_RUNS = 2_000;
    private static final long MAX_SECONDS = 30;
    /** Almost every choice has a bound up to this: {@link Choices#maybe} reads a number below 100. */
    private static final int MAX_DIVISOR = 100;

    private final Consumer<FuzzInput> property;
    private final long deadline;
    private FuzzInput smallest;
    private Throwable failure;
    private int runs;

    /** The smallest failing input found, its failure, and how many runs and how long it took to find. */
    record Result(FuzzInput input, Throwable failure, int runs, double seconds) {
    }

    private Shrinker(Consumer<FuzzInput> property, FuzzInput failing, Throwable failure) {
        this.property = property;
        this.smallest = failing;
        this.failure = failure;
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
    }

    static Result shrink(Consumer<FuzzInput> property, FuzzInput failing, Throwable failure) {
        long start = System.nanoTime();
        Shrinker shrinker = new Shrinker(property, failing, failure);
        boolean shrunk = true;
        while (shrunk && !shrinker.spent()) {
            shrunk = shrinker.dropNumbers();
            shrunk |= shrinker.zeroNumbers();
            shrunk |= shrinker.lowerNumbers();
        }
        return new Result(shrinker.smallest, shrinker.failure, shrinker.runs, (System.nanoTime() - start) / 1e9);
    }

    /** The property's failure on the input, or null when it holds. */
    static Throwable failure(Consumer<FuzzInput> property, FuzzInput input) {
        try {
            property.accept(input);
            return null;
        } catch (Throwable thrown) { // an error thrown (a stack overflow, say) is as much a failure as an assertion
            return thrown;
        }
    }

    private boolean dropNumbers() {
        boolean shrunk = false;
        for (int chunk = smallest.numbers().size(); chunk >= 1; chunk /= 2) {
            for (int end = smallest.numbers().size(); end >= chunk && !spent(); end -= chunk) {
                List<Integer> numbers = smallest.numbers();
                List<Integer> fewer = new ArrayList<>(numbers.subList(0, end - chunk));
                fewer.addAll(numbers.subList(end, numbers.size()));
                shrunk |= keepIfFails(smallest.withNumbers(fewer));
            }
        }
        return shrunk;
    }

    /** Runs of numbers set to 0 together, halves down to pairs: simpler choices, the later ones read where they were. */
    private boolean zeroNumbers() {
        boolean shrunk = false;
        for (int chunk = smallest.numbers().size() / 2; chunk >= 2; chunk /= 2) {
            for (int end = smallest.numbers().size(); end >= chunk && !spent(); end -= chunk) {
                List<Integer> zeroed = new ArrayList<>(smallest.numbers());
                List<Integer> window = zeroed.subList(end - chunk, end);
                if (window.stream().anyMatch(number -> number != 0)) {
                    Collections.fill(window, 0);
                    shrunk |= keepIfFails(smallest.withNumbers(zeroed));
                }
            }
        }
        return shrunk;
    }

    private boolean lowerNumbers() {
        boolean shrunk = lower(smallest.index(), smallest::withIndex);
        for (int i = 0; i < smallest.numbers().size() && !spent(); i++) {
            int at = i;
            shrunk |= lower(smallest.numbers().get(i), value -> smallest.withNumber(at, value));
        }
        return shrunk;
    }

    /** Tries smaller values in place of one, smallest first; the first that still fails replaces it. */
    private boolean lower(int value, IntFunction<FuzzInput> withValue) {
        for (int smaller : smallerValues(value)) {
            if (spent()) {
                return false;
            }
            if (keepIfFails(withValue.apply(smaller))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values to try in place of one, ascending: its remainders by small divisors (the smallest value that makes the
     * same choice when {@link Choices} reads it with such a bound), its halves, quarters and so on (towards 0), and the
     * value less a half, a quarter, and so on down to 1 (a value just below it).
     */
    private static SortedSet<Integer> smallerValues(int value) {
        SortedSet<Integer> smaller = new TreeSet<>();
        for (int divisor = 2; divisor <= MAX_DIVISOR; divisor++) {
            smaller.add(value % divisor);
        }
        for (int shift = 1; shift < Integer.SIZE; shift++) {
            smaller.add(value >>> shift);
            smaller.add(value - (value >>> shift));
        }
        return smaller.headSet(value);
    }

    private boolean keepIfFails(FuzzInput candidate) {
        runs++;
        Throwable candidateFailure = failure(property, candidate);
        if (candidateFailure == null) {
            return false;
        }
        smallest = candidate;
        failure = candidateFailure;
        return true;
    }

    private boolean spent() {
        return runs >= MAX_RUNS || System.nanoTime() > deadline;
    }
}
