package io.ormrace.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a legacy codebase already has, recorded by fingerprint, so that only new ones fail the build. One
 * line per finding, the fingerprint first and then, for the reader of a diff, the rule and the place.
 */
public final class Baseline {

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    public static Baseline read(Path file) throws IOException {
        Set<String> fingerprints = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                fingerprints.add(trimmed.split("\\s+", 2)[0]);
            }
        }
        return new Baseline(fingerprints);
    }

    public static void write(Path file, List<Finding> findings) throws IOException {
        StringBuilder out = new StringBuilder("# ormrace baseline: findings accepted on ")
                .append(java.time.LocalDate.now()).append("; only findings not listed here fail the build.\n")
                .append("# fingerprint                     rule  location  anchor\n");
        Set<String> written = new LinkedHashSet<>();
        for (Finding finding : findings) {
            if (written.add(finding.fingerprint())) {
                out.append(finding.fingerprint()).append("  ").append(finding.rule().id()).append("  ")
                        .append(finding.location()).append("  ").append(finding.anchor()).append('\n');
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    public int size() {
        return fingerprints.size();
    }

    /** The findings split into those the baseline does not know (new) and those it does. */
    public Split split(List<Finding> findings) {
        List<Finding> fresh = new ArrayList<>();
        List<Finding> known = new ArrayList<>();
        for (Finding finding : findings) {
            boolean baselined = fingerprints.contains(finding.fingerprint()) || fingerprints.contains(finding.legacyFingerprint());
            (baselined ? known : fresh).add(finding);
        }
        return new Split(fresh, known);
    }

    public record Split(List<Finding> fresh, List<Finding> baselined) {
    }
}
