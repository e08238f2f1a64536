package io.ormrace.scenarios.optional;

/** Stands for an optional dependency: AgentIT runs the scenarios with this class left off the classpath. */
public class OptionalBase {
}
