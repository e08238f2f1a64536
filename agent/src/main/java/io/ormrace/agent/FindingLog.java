package io.ormrace.agent;

import io.ormrace.core.Finding;
import io.ormrace.core.TestCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The findings of the run: the same sequence (rule, call sites, table, columns) seen again is counted, not repeated,
 * and remembers the tests it was seen in. Bounded: past the limit new sequences are counted as dropped.
 */
final class FindingLog {

    private static final int LIMIT = 5_000;

    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Set<String> seenInTest = new LinkedHashSet<>();
    private TestCase test;
    private long dropped;

    synchronized void record(String key, Supplier<Finding> first) {
        Finding known = findings.get(key);
        if (known != null) {
            findings.put(key, known.seenAgain(1, test));
        } else if (findings.size() < LIMIT) {
            Finding finding = first.get();
            findings.put(key, test == null ? finding : finding.seenAgain(0, test));
        } else {
            dropped++;
            return;
        }
        if (test != null) {
            seenInTest.add(key);
        }
    }

    synchronized void testStarted(TestCase started) {
        test = started;
        seenInTest.clear();
    }

    /** The findings seen while the test ran; the test is over. */
    synchronized List<Finding> testFinished() {
        List<Finding> seen = new ArrayList<>();
        for (String key : seenInTest) {
            seen.add(findings.get(key));
        }
        seenInTest.clear();
        test = null;
        return seen;
    }

    synchronized List<Finding> all() {
        return new ArrayList<>(findings.values());
    }

    synchronized long dropped() {
        return dropped;
    }
}
