package io.ormrace.report;

import io.ormrace.core.Finding;
import java.util.List;

/** What a report is written from: the findings, and the notices about input that could not be used. */
public record Report(String toolVersion, List<Finding> findings, List<Notice> notices) {

    public Report {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
    }
}
