package io.ormrace.analyzer;

import io.ormrace.core.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Error Prone style expectations: a source line ending in {@code // ormrace: lost-update} (several rule ids may be
 * separated by commas) must be flagged with that rule, and every other line must stay quiet.
 */
final class Expectations {

    private static final Pattern MARKER = Pattern.compile("//\\s*ormrace:\\s*([a-z-]+(?:\\s*,\\s*[a-z-]+)*)\\s*(?://\\s*ormrace-runtime:.*)?$");

    private Expectations() {
    }

    /** {@code path:line [rule]} for each marker below the roots, paths as the analyzer shows them. */
    static Set<String> expected(Path workingDirectory, List<Path> roots) {
        Set<String> expected = new TreeSet<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    String shown = workingDirectory.toAbsolutePath().normalize()
                            .relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher marker = MARKER.matcher(lines.get(i));
                        if (marker.find()) {
                            for (String rule : marker.group(1).split("\\s*,\\s*")) {
                                expected.add(shown + ":" + (i + 1) + " [" + rule + "]");
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    static Set<String> actual(List<Finding> findings) {
        Set<String> actual = new TreeSet<>();
        findings.forEach(f -> actual.add(f.location().path() + ":" + f.location().line() + " [" + f.rule().id() + "]"));
        return actual;
    }

    /** A readable account of what differs, with each unexpected finding's message. */
    static String difference(Set<String> expected, Set<String> actual, List<Finding> findings, List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        expected.stream().filter(e -> !actual.contains(e)).forEach(e -> lines.add("missing:    " + e));
        for (Finding finding : findings) {
            String key = finding.location().path() + ":" + finding.location().line() + " [" + finding.rule().id() + "]";
            if (!expected.contains(key)) {
                lines.add("unexpected: " + key + " " + finding.message());
            }
        }
        problems.forEach(p -> lines.add("problem:    " + p));
        return String.join("\n", lines);
    }
}
