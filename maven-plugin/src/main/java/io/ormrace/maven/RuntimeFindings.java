package io.ormrace.maven;

import io.ormrace.core.ProjectPaths;
import io.ormrace.report.JsonReportReader;
import io.ormrace.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent's findings from the test run, with paths the static findings use ({@code src/main/java/com/acme/Shop.java})
 * where the agent could not tell them (it writes them itself when run from the project's directory).
 */
final class RuntimeFindings {

    private final ProjectPaths paths;

    RuntimeFindings(Path basedir, List<Path> sourceRoots) {
        this.paths = new ProjectPaths(basedir, sourceRoots);
    }

    Report read(Path file) throws IOException {
        Report report = JsonReportReader.read(Files.readString(file, StandardCharsets.UTF_8));
        return new Report(report.toolVersion(), report.findings().stream().map(paths::relocated).toList(),
                report.notices());
    }
}
