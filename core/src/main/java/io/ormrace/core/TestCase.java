package io.ormrace.core;

import java.util.Objects;

/** The test during which the agent saw a runtime finding. */
public record TestCase(String className, String methodName, String displayName) {

    public TestCase {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(displayName, "displayName");
    }
}
