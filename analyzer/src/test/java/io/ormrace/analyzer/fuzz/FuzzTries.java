package io.ormrace.analyzer.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a fuzz property run longer than its bounded default, by hand: {@code -Dormrace.fuzz.tries=20000} sets the
 * tries of every property of the classes that add this hook ({@code jqwik.tries.default} does not override the
 * tries an {@code @Property} names), and {@code -Dormrace.fuzz.seed=<seed>} replays a run. When either is given,
 * each property prints what it ran.
 */
public final class FuzzTries implements AroundPropertyHook {

    static final String TRIES = "ormrace.fuzz.tries";
    static final String SEED = "ormrace.fuzz.seed";

    /** Added to a class, the hook applies to each of its properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty(TRIES, "").strip();
        String seed = System.getProperty(SEED, "").strip();
        if (!tries.isEmpty()) {
            context.attributes().setTries(Integer.parseInt(tries));
        }
        if (!seed.isEmpty()) {
            context.attributes().setSeed(seed);
        }
        long start = System.nanoTime();
        PropertyExecutionResult result = property.execute();
        if (!tries.isEmpty() || !seed.isEmpty()) {
            System.out.printf("fuzz %s: %d tries, %d checks, %s in %.1f s, seed %s%n", context.extendedLabel(),
                    result.countTries(), result.countChecks(), result.status(), (System.nanoTime() - start) / 1e9,
                    result.seed().orElse("?"));
        }
        return result;
    }
}
