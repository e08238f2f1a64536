package io.ormrace.maven;

import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Fix;
import io.ormrace.core.SourceLocation;
import io.ormrace.core.TestCase;
import io.ormrace.report.JsonReportReader;
import io.ormrace.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent's findings from the test run, with their package paths ({@code com/acme/Shop.java}) turned into the
 * project paths the static findings use ({@code src/main/java/com/acme/Shop.java}), so both sit side by side.
 */
final class RuntimeFindings {

    private final Path basedir;
    private final List<Path> sourceRoots;

    RuntimeFindings(Path basedir, List<Path> sourceRoots) {
        this.basedir = basedir;
        this.sourceRoots = sourceRoots;
    }

    Report read(Path file) throws IOException {
        Report report = JsonReportReader.read(Files.readString(file, StandardCharsets.UTF_8));
        return new Report(report.toolVersion(), report.findings().stream().map(this::relocated).toList(),
                report.notices());
    }

    private Finding relocated(Finding finding) {
        Finding.Builder builder = Finding.builder(finding.rule(), finding.origin())
                .severity(finding.severity())
                .message(finding.message())
                .at(relocated(finding.location()), finding.anchor())
                .target(finding.target(), finding.columns())
                .count(finding.count());
        for (Evidence step : finding.evidence()) {
            builder.evidence(new Evidence(step.kind(), step.location() == null ? null : relocated(step.location()),
                    step.description(), step.sql()));
        }
        for (Fix fix : finding.fixes()) {
            builder.fix(fix.title(), fix.code());
        }
        for (TestCase test : finding.tests()) {
            builder.test(test);
        }
        return builder.build();
    }

    private SourceLocation relocated(SourceLocation location) {
        if (!location.known()) {
            return location;
        }
        for (Path root : sourceRoots) {
            Path file = root.resolve(location.path());
            if (Files.isRegularFile(file)) {
                String path = basedir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
                return new SourceLocation(path, location.line(), location.column());
            }
        }
        return location;
    }
}
