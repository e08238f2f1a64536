package io.ormrace.report;

import io.ormrace.core.Finding;
import io.ormrace.core.SourceLines;
import java.util.List;
import java.util.Objects;

/**
 * What a report is written from: the findings, the notices about input that could not be used, and where the
 * source lines are, for the formats that quote code.
 */
public record Report(String toolVersion, List<Finding> findings, List<Notice> notices, SourceLines sources) {

    public Report {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
        Objects.requireNonNull(sources, "sources");
    }

    public Report(String toolVersion, List<Finding> findings, List<Notice> notices) {
        this(toolVersion, findings, notices, SourceLines.NONE);
    }
}
