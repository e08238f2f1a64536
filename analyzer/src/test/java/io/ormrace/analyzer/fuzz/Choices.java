package io.ormrace.analyzer.fuzz;

import java.util.List;

/**
 * Decodes a generated list of numbers into the choices a generator makes, one number a choice. Once the list runs
 * out every choice is 0, so a generator must put its simplest option first: {@link Shrinker} shrinks the list
 * (shorter, smaller numbers) and the input decoded from it shrinks with it.
 */
final class Choices {

    private final List<Integer> values;
    private int next;

    Choices(List<Integer> values) {
        this.values = values;
    }

    /** A number in [0, bound). */
    int below(int bound) {
        if (bound <= 1) {
            return 0;
        }
        int value = next < values.size() ? values.get(next++) : 0;
        return Math.floorMod(value, bound);
    }

    int between(int min, int max) {
        return min + below(max - min + 1);
    }

    /** True about {@code percent} times in 100; false once the numbers run out. */
    boolean maybe(int percent) {
        return below(100) >= 100 - percent;
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[below(options.length)];
    }

    boolean exhausted() {
        return next >= values.size();
    }
}
