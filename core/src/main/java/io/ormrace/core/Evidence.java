package io.ormrace.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of the trail that makes a finding: where the row was read, where it is written, what protection is
 * missing. {@code sql} is the statement the agent saw (redacted) or the query text the analyzer read, when any.
 */
public record Evidence(Kind kind, SourceLocation location, String description, String sql) {

    public enum Kind {
        /** a row's value is read */
        READ,
        /** a lookup that came back empty, or is tested for emptiness */
        LOOKUP,
        /** a value derived from the read is written back */
        WRITE,
        /** a row is inserted */
        INSERT,
        /** a condition on a value read decides what follows */
        CHECK,
        /** something done under a check, that a second caller passing the same check does again */
        EFFECT,
        /** a lock is taken */
        LOCK,
        /** a transaction begins, commits or rolls back, or is missing */
        TRANSACTION,
        /** what the schema has or lacks: a unique constraint, a version column */
        SCHEMA,
        /** a call on the path from the method analyzed to the one the race is reported in */
        CALL
    }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    public static Evidence at(Kind kind, SourceLocation location, String description) {
        return new Evidence(kind, location, description, null);
    }

    public Optional<SourceLocation> optionalLocation() {
        return Optional.ofNullable(location);
    }

    public Optional<String> optionalSql() {
        return Optional.ofNullable(sql);
    }
}
