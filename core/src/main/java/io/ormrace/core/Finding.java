package io.ormrace.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One race ormrace found, from either producer. Every report format is written from this model alone.
 *
 * @param location  the statement that makes the racy change (the write, the insert, the lock)
 * @param anchor    the enclosing code unit, {@code com.example.PostService#like}: survives line shifts, so it
 *                  goes into the fingerprint instead of the line
 * @param target    the entity or table the race is about
 * @param columns   the columns (or entity attributes) involved: the updated ones, or the looked-up ones
 * @param count     how many times the agent saw the same sequence; 1 for static findings
 * @param tests     the tests during which a runtime finding was seen, in the order first seen
 * @param statement what tells apart findings of one rule on one target in one code unit, without the line: the
 *                  statement's text with its spacing normalized (static findings), or empty
 */
public record Finding(
        Rule rule,
        Severity severity,
        Origin origin,
        String message,
        SourceLocation location,
        String anchor,
        String target,
        List<String> columns,
        List<Evidence> evidence,
        List<Fix> fixes,
        int count,
        List<TestCase> tests,
        String statement) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(target, "target");
        columns = List.copyOf(columns);
        evidence = List.copyOf(evidence);
        fixes = List.copyOf(fixes);
        tests = List.copyOf(tests);
        statement = statement == null ? "" : statement;
        if (count < 1) {
            throw new IllegalArgumentException("count must be 1 or more, was " + count);
        }
    }

    public static Builder builder(Rule rule, Origin origin) {
        return new Builder(rule, origin);
    }

    /**
     * A stable identity for baselines and code scanning: the rule, the file, the enclosing code unit, the target
     * and the columns, and the statement's text where there is one; not the line, so that editing code above a
     * finding does not make it new, while two findings on two statements of one method stay two.
     */
    public String fingerprint() {
        return digest(legacyKey() + (statement.isEmpty() ? "" : "\u0000" + statement));
    }

    /** The fingerprint before statements were part of it (0.1.0 builds), so that baselines written then still match. */
    String legacyFingerprint() {
        return digest(legacyKey());
    }

    private String legacyKey() {
        return String.join("\u0000", rule.id(), location.path(), anchor, target.toLowerCase(),
                String.join(",", columns).toLowerCase());
    }

    private static String digest(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The same finding seen {@code more} more times, during {@code test} when known. */
    public Finding seenAgain(int more, TestCase test) {
        List<TestCase> allTests = new ArrayList<>(tests);
        if (test != null && !allTests.contains(test)) {
            allTests.add(test);
        }
        return new Finding(rule, severity, origin, message, location, anchor, target, columns, evidence, fixes,
                count + more, allTests, statement);
    }

    /** The same finding told apart by another statement text (spacing normalized). */
    public Finding withStatement(String text) {
        String normalized = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return new Finding(rule, severity, origin, message, location, anchor, target, columns, evidence, fixes, count,
                tests, normalized);
    }

    public Optional<Fix> firstFix() {
        return fixes.stream().findFirst();
    }

    public static final class Builder {
        private final Rule rule;
        private final Origin origin;
        private Severity severity;
        private String message;
        private SourceLocation location;
        private String anchor = "";
        private String target;
        private final List<String> columns = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private final List<Fix> fixes = new ArrayList<>();
        private int count = 1;
        private final List<TestCase> tests = new ArrayList<>();
        private String statement = "";

        private Builder(Rule rule, Origin origin) {
            this.rule = Objects.requireNonNull(rule, "rule");
            this.origin = Objects.requireNonNull(origin, "origin");
            this.severity = rule.defaultSeverity();
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder at(SourceLocation location, String anchor) {
            this.location = location;
            this.anchor = anchor;
            return this;
        }

        public Builder target(String target, List<String> columns) {
            this.target = target;
            this.columns.clear();
            this.columns.addAll(columns);
            return this;
        }

        public Builder evidence(Evidence step) {
            evidence.add(step);
            return this;
        }

        public Builder fix(String title, String code) {
            fixes.add(new Fix(title, code));
            return this;
        }

        public Builder count(int count) {
            this.count = count;
            return this;
        }

        public Builder test(TestCase test) {
            tests.add(test);
            return this;
        }

        /** The statement's text, to tell this finding apart from others of its method; spacing is normalized here. */
        public Builder statement(String text) {
            this.statement = text == null ? "" : text.strip().replaceAll("\\s+", " ");
            return this;
        }

        public Finding build() {
            return new Finding(rule, severity, origin, message, location, anchor, target, columns, evidence, fixes,
                    count, tests, statement);
        }
    }
}
