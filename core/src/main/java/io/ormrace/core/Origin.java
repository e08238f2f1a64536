package io.ormrace.core;

/** Which producer saw a finding: the analyzer reading source, or the agent watching SQL. */
public enum Origin {
    STATIC, RUNTIME
}
