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

    private final Map<String, Seen> findings = new LinkedHashMap<>();
    private final Set<String> seenInTest = new LinkedHashSet<>();
    private TestCase test;
    private long dropped;

    /** A finding and how many more times it was seen since: counted in place, the finding rebuilt only when read. */
    private static final class Seen {
        private Finding finding;
        private int more;

        Seen(Finding finding) {
            this.finding = finding;
        }

        void again(TestCase test) {
            if (test != null && !finding.tests().contains(test)) {
                finding = finding.seenAgain(more + 1, test);
                more = 0;
            } else {
                more++;
            }
        }

        Finding finding() {
            if (more > 0) {
                finding = finding.seenAgain(more, null);
                more = 0;
            }
            return finding;
        }
    }

    synchronized void record(String key, Supplier<Finding> first) {
        Seen known = findings.get(key);
        if (known != null) {
            known.again(test);
        } else if (findings.size() < LIMIT) {
            Finding finding = first.get();
            findings.put(key, new Seen(test == null ? finding : finding.seenAgain(0, test)));
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
            seen.add(findings.get(key).finding());
        }
        seenInTest.clear();
        test = null;
        return seen;
    }

    synchronized List<Finding> all() {
        List<Finding> all = new ArrayList<>(findings.size());
        for (Seen seen : findings.values()) {
            all.add(seen.finding());
        }
        return all;
    }

    synchronized long dropped() {
        return dropped;
    }
}
