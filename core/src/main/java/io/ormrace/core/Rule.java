package io.ormrace.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules ormrace reports. Their ids are a public contract: they appear in reports, suppressions and baselines,
 * and both the analyzer and the agent use the same ones.
 */
public enum Rule {
    LOST_UPDATE("lost-update", Severity.ERROR,
            "A value read from the database is written back after a change computed from it, with no lock, "
                    + "version check or atomic update; a concurrent writer's change is lost."),
    RACY_GET_OR_CREATE("racy-get-or-create", Severity.ERROR,
            "A row is looked up and inserted when missing, and no unique constraint covers the looked-up columns; "
                    + "concurrent callers insert duplicates."),
    UNHANDLED_UNIQUE_VIOLATION("unhandled-unique-violation", Severity.WARNING,
            "A row is looked up and inserted when missing; a unique constraint prevents duplicates, but the "
                    + "violation a concurrent insert causes is not handled, or is handled inside the failed transaction."),
    LOCK_OUTSIDE_TRANSACTION("lock-outside-transaction", Severity.ERROR,
            "A pessimistic lock is taken where no transaction is active: JPA refuses it, and under JDBC autocommit "
                    + "the lock is released as soon as the statement ends, protecting nothing.");

    private final String id;
    private final Severity defaultSeverity;
    private final String summary;

    Rule(String id, Severity defaultSeverity, String summary) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String summary() {
        return summary;
    }

    /** The rule's page, relative to the project root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
