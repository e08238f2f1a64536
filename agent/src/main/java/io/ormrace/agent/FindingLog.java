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
    /**
     * The test running on this thread, and on the threads it started (a race is run on the test's own threads): under
     * JUnit's parallel execution, each finding belongs to the test of the thread that saw it.
     */
    private final InheritableThreadLocal<Running> current = new InheritableThreadLocal<>();
    /** The tests running now: a thread no test started (a pool made before) is given the one test, if one runs. */
    private final Set<Running> running = new LinkedHashSet<>();
    private long dropped;

    /** A test while it runs, and the findings seen during it. */
    private static final class Running {
        final TestCase test;
        final Set<String> seen = new LinkedHashSet<>();

        Running(TestCase test) {
            this.test = test;
        }
    }

    private Running running() {
        Running own = current.get();
        if (own != null && running.contains(own)) {
            return own;
        }
        return running.size() == 1 ? running.iterator().next() : null;
    }

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
        Running during = running();
        TestCase test = during == null ? null : during.test;
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
        if (during != null) {
            during.seen.add(key);
        }
    }

    synchronized void testStarted(TestCase started) {
        Running test = new Running(started);
        current.set(test);
        running.add(test);
    }

    /** The findings seen while this thread's test ran; the test is over. */
    synchronized List<Finding> testFinished() {
        Running test = current.get();
        current.remove();
        if (test == null || !running.remove(test)) {
            return List.of();
        }
        List<Finding> seen = new ArrayList<>();
        for (String key : test.seen) {
            seen.add(findings.get(key).finding());
        }
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
