package io.ormrace.agent.rules;

import io.ormrace.core.Finding;

/** A finding and the key under which the same sequence seen again is counted instead of repeated. */
public record Detected(String key, Finding finding) {
}
