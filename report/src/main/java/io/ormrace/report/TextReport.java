package io.ormrace.report;

import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Fix;
import java.util.Locale;

/**
 * javac style, so that IDE consoles and CI logs link each finding to its line:
 * {@code path:line:col: error: [lost-update] message}, then the evidence and the fixes, indented.
 */
final class TextReport implements ReportWriter {

    @Override
    public String write(Report report) {
        StringBuilder out = new StringBuilder();
        for (Finding finding : report.findings()) {
            out.append(finding.location()).append(": ").append(finding.severity().name().toLowerCase(Locale.ROOT))
                    .append(": [").append(finding.rule().id()).append("] ").append(finding.message());
            if (finding.count() > 1) {
                out.append(" (seen ").append(finding.count()).append(" times)");
            }
            out.append('\n');
            for (Evidence step : finding.evidence()) {
                out.append("    ").append(step.kind().name().toLowerCase(Locale.ROOT)).append(": ");
                step.optionalLocation().ifPresent(location -> out.append(location).append(' '));
                out.append(step.description()).append('\n');
                step.optionalSql().ifPresent(sql -> out.append("        sql: ").append(sql).append('\n'));
            }
            finding.tests().forEach(test -> out.append("    test: ").append(test.className()).append('#')
                    .append(test.methodName()).append('\n'));
            for (Fix fix : finding.fixes()) {
                out.append("    fix: ").append(fix.title()).append('\n');
                fix.code().lines().forEach(line -> out.append("        ").append(line).append('\n'));
            }
            out.append("    see: ").append(finding.rule().docPath()).append('\n');
        }
        for (Notice notice : report.notices()) {
            out.append(notice.file()).append(notice.line() > 0 ? ":" + notice.line() : "").append(": ")
                    .append(notice.level()).append(": ").append(notice.message()).append('\n');
        }
        long errors = report.findings().stream().filter(f -> f.severity() == io.ormrace.core.Severity.ERROR).count();
        out.append(report.findings().size()).append(report.findings().size() == 1 ? " finding" : " findings")
                .append(" (").append(errors).append(errors == 1 ? " error" : " errors").append(", ")
                .append(report.findings().size() - errors).append(" other)\n");
        return out.toString();
    }
}
