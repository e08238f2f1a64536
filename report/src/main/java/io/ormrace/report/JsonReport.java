package io.ormrace.report;


/** The finding model as it is; its shape is documented in the README. */
final class JsonReport implements ReportWriter {

    @Override
    public String write(Report report) {
        return Json.write(FindingMaps.map(
                "tool", "ormrace",
                "version", report.toolVersion(),
                "findings", report.findings().stream().map(FindingMaps::finding).toList(),
                "notices", FindingMaps.notices(report.notices())));
    }

}
