package io.ormrace.report;

/** Writes a report in one format. */
interface ReportWriter {
    String write(Report report);
}
