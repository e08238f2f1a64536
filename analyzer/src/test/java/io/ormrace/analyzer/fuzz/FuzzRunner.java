package io.ormrace.analyzer.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a fuzz property from a plain JUnit test: each try draws a list of numbers (the choices the generators read
 * through {@link Choices}) from a random seeded by the run's seed, the property and the try, and runs the property on
 * it. The first failing list is shrunk ({@link Shrinker}) and reported with the seed that replays the run.
 *
 * <p>The run's seed is new each run. By hand, {@code -Dormrace.fuzz.tries=N} sets the tries of every property (to
 * fuzz longer than the build does) and {@code -Dormrace.fuzz.seed=S} replays a run; with either, each property prints
 * its tries, time and seed.
 */
final class FuzzRunner {

    /** The largest number drawn: far more than any choice has options, so {@link Choices} spreads it evenly. */
    static final int MAX_NUMBER = 1 << 20;

    private static final String TRIES = "ormrace.fuzz.tries";
    private static final String SEED = "ormrace.fuzz.seed";
    private static final long RUN_SEED = runSeed();

    private FuzzRunner() {
    }

    /** Runs the property on lists of up to {@code maxSize} numbers in [0, {@link #MAX_NUMBER}]. */
    static void check(String property, int tries, int maxSize, Consumer<List<Integer>> body) {
        run(property, tries, 0, maxSize, input -> body.accept(input.numbers()));
    }

    /** Runs the property on an index in [0, {@code maxIndex}] and a list of up to {@code maxSize} numbers. */
    static void check(String property, int tries, int maxIndex, int maxSize, BiConsumer<Integer, List<Integer>> body) {
        run(property, tries, maxIndex, maxSize, input -> body.accept(input.index(), input.numbers()));
    }

    private static void run(String property, int defaultTries, int maxIndex, int maxSize, Consumer<FuzzInput> body) {
        String triesSet = System.getProperty(TRIES, "").strip();
        boolean byHand = !triesSet.isEmpty() || !System.getProperty(SEED, "").strip().isEmpty();
        int tries = triesSet.isEmpty() ? defaultTries : Integer.parseInt(triesSet);
        long start = System.nanoTime();
        for (int t = 0; t < tries; t++) {
            FuzzInput input = draw(new SplittableRandom(trySeed(property, t)), maxIndex, maxSize);
            Throwable failure = Shrinker.failure(body, input);
            if (failure != null) {
                if (byHand) {
                    System.out.printf("fuzz %s: failed on try %d of %d, seed %d; shrinking%n", property, t + 1, tries, RUN_SEED);
                }
                Shrinker.Result shrunk = Shrinker.shrink(body, input, failure);
                AssertionError error = new AssertionError(report(property, t, tries, !triesSet.isEmpty(), maxIndex > 0,
                        input, shrunk), failure);
                if (shrunk.failure() != failure) {
                    error.addSuppressed(shrunk.failure());
                }
                throw error;
            }
        }
        if (byHand) {
            System.out.printf("fuzz %s: %d tries passed in %.1f s, seed %d%n", property, tries,
                    (System.nanoTime() - start) / 1e9, RUN_SEED);
        }
    }

    private static FuzzInput draw(SplittableRandom random, int maxIndex, int maxSize) {
        int index = random.nextInt(maxIndex + 1);
        int size = random.nextInt(maxSize + 1);
        List<Integer> numbers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            numbers.add(random.nextInt(MAX_NUMBER + 1));
        }
        return new FuzzInput(index, List.copyOf(numbers));
    }

    private static String report(String property, int failedTry, int tries, boolean triesSet, boolean withIndex,
            FuzzInput original, Shrinker.Result shrunk) {
        return String.format("fuzz property \"%s\" failed on try %d of %d, seed %d (replay: -D%s=%d%s)%n"
                        + "shrunk from %d to %d numbers in %d runs (%.1f s): %s%n"
                        + "its failure: %s%n"
                        + "(the cause is the failure of the input as drawn; the shrunk input's, when it differs, is suppressed)",
                property, failedTry + 1, tries, RUN_SEED, SEED, RUN_SEED, triesSet ? " -D" + TRIES + "=" + tries : "",
                original.numbers().size(), shrunk.input().numbers().size(), shrunk.runs(), shrunk.seconds(),
                shrunk.input().show(withIndex), shrunk.failure().toString().lines().limit(5).collect(Collectors.joining("\n    ")));
    }

    private static long runSeed() {
        String seed = System.getProperty(SEED, "").strip();
        return seed.isEmpty() ? new SplittableRandom().nextLong() : Long.parseLong(seed);
    }

    /** Each property and try a stream of its own, the same in every run of the same seed. */
    private static long trySeed(String property, int tryIndex) {
        return mix(mix(RUN_SEED ^ property.hashCode()) + tryIndex);
    }

    /** Stafford's variant 13 of MurmurHash3's finalizer: close seeds become unrelated ones. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
