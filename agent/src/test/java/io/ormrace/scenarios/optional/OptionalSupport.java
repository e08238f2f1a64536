package io.ormrace.scenarios.optional;

/**
 * A framework's support class for an optional dependency, probed by name ({@code ClassUtils.isPresent}): when the
 * dependency is absent it cannot be loaded, and it is nothing the agent should have a word about.
 */
public class OptionalSupport extends OptionalBase {
}
