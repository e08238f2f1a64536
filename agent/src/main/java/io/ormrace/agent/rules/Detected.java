package io.ormrace.agent.rules;

import io.ormrace.core.Finding;
import java.util.function.Supplier;

/**
 * A sequence a rule reports: the key under which the same sequence seen again is counted instead of repeated, and
 * the finding, built only the first time (a racy loop repeats the sequence thousands of times).
 */
public record Detected(String key, Supplier<Finding> finding) {
}
