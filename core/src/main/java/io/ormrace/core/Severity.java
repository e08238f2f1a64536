package io.ormrace.core;

/** How serious a finding is; ordered, so that a build can fail "at or above" one of them. */
public enum Severity {
    NOTE, WARNING, ERROR;

    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }
}
