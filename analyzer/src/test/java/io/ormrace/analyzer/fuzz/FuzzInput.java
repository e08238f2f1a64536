package io.ormrace.analyzer.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one try of a fuzz property is given: the numbers its generators read through {@link Choices}, and, for a
 * property that also takes one, an index (0 for the others).
 */
record FuzzInput(int index, List<Integer> numbers) {

    FuzzInput withIndex(int newIndex) {
        return new FuzzInput(newIndex, numbers);
    }

    FuzzInput withNumbers(List<Integer> newNumbers) {
        return new FuzzInput(index, List.copyOf(newNumbers));
    }

    FuzzInput withNumber(int at, int value) {
        List<Integer> changed = new ArrayList<>(numbers);
        changed.set(at, value);
        return withNumbers(changed);
    }

    /** As Java source, to paste into a regression test. */
    String show(boolean withIndex) {
        String list = numbers.stream().map(String::valueOf).collect(Collectors.joining(", ", "List.of(", ")"));
        return withIndex ? "index " + index + ", numbers " + list : list;
    }
}
