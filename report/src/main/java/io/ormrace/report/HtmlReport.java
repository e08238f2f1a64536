package io.ormrace.report;

import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Fix;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;
import io.ormrace.core.SourceLines;
import io.ormrace.core.SourceLocation;
import io.ormrace.core.TestCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One self-contained page for people: a summary by rule and by file, then every finding with its code, the lines of
 * its evidence highlighted, the explanation and the fixes. No script and nothing fetched; every piece of text that
 * comes from code, SQL or test names is escaped.
 */
final class HtmlReport implements ReportWriter {

    private static final int CONTEXT = 3;

    @Override
    public String write(Report report) {
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.sort(Comparator.comparing((Finding f) -> f.location().path()).thenComparingInt(f -> f.location().line())
                .thenComparing(f -> f.origin()));
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>ormrace report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<header><h1>ormrace</h1><p>").append(findings.size())
                .append(findings.size() == 1 ? " finding" : " findings").append(" &middot; ")
                .append(count(findings, Origin.STATIC)).append(" from source, ")
                .append(count(findings, Origin.RUNTIME)).append(" from test runs &middot; version ")
                .append(escape(report.toolVersion())).append("</p></header>\n<main>\n");
        if (findings.isEmpty()) {
            out.append("<p class=\"clean\">No races found.</p>\n");
        } else {
            summaryByRule(out, findings);
            summaryByFile(out, findings);
            out.append("<h2>Findings</h2>\n");
            for (int i = 0; i < findings.size(); i++) {
                finding(out, findings.get(i), i + 1, report.sources());
            }
        }
        notices(out, report.notices());
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void summaryByRule(StringBuilder out, List<Finding> findings) {
        out.append("<h2>By rule</h2>\n<table class=\"summary\"><thead><tr><th>rule</th><th>from source</th>")
                .append("<th>from test runs</th><th>what goes wrong</th></tr></thead><tbody>\n");
        for (Rule rule : Rule.values()) {
            List<Finding> ofRule = findings.stream().filter(f -> f.rule() == rule).toList();
            if (ofRule.isEmpty()) {
                continue;
            }
            out.append("<tr><td><span class=\"rule ").append(severity(ofRule.get(0))).append("\">").append(rule.id())
                    .append("</span></td><td class=\"n\">").append(count(ofRule, Origin.STATIC))
                    .append("</td><td class=\"n\">").append(count(ofRule, Origin.RUNTIME)).append("</td><td>")
                    .append(escape(rule.summary())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static void summaryByFile(StringBuilder out, List<Finding> findings) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        findings.stream().filter(f -> f.location().known())
                .forEach(f -> byFile.computeIfAbsent(f.location().path(), p -> new ArrayList<>()).add(f));
        out.append("<h2>By file</h2>\n<table class=\"summary\"><thead><tr><th>file</th><th>findings</th>")
                .append("<th>rules</th></tr></thead><tbody>\n");
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            Map<String, Integer> rules = new LinkedHashMap<>();
            file.getValue().forEach(f -> rules.merge(f.rule().id(), 1, Integer::sum));
            out.append("<tr><td><code>").append(escape(file.getKey())).append("</code></td><td class=\"n\">")
                    .append(file.getValue().size()).append("</td><td>");
            rules.forEach((rule, n) -> out.append("<span class=\"tag\">").append(rule).append(" &times; ").append(n)
                    .append("</span> "));
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static void finding(StringBuilder out, Finding finding, int number, SourceLines sources) {
        out.append("<section class=\"finding\" id=\"f").append(number).append("\">\n<h3><span class=\"rule ")
                .append(severity(finding)).append("\">").append(finding.rule().id()).append("</span> <span class=\"origin ")
                .append(lower(finding.origin())).append("\">").append(finding.origin() == Origin.STATIC ? "source" : "test run")
                .append("</span> <code class=\"where\">").append(escape(finding.location().toString())).append("</code>");
        if (finding.count() > 1) {
            out.append(" <span class=\"count\">seen ").append(finding.count()).append(" times</span>");
        }
        out.append("</h3>\n<p class=\"message\">").append(escape(finding.message())).append("</p>\n");
        out.append("<p class=\"meta\">").append(escape(finding.anchor())).append(" &middot; ")
                .append(escape(finding.target()));
        if (!finding.columns().isEmpty()) {
            out.append(" (").append(escape(String.join(", ", finding.columns()))).append(')');
        }
        out.append("</p>\n");
        snippet(out, finding, sources);
        out.append("<ol class=\"evidence\">\n");
        for (Evidence step : finding.evidence()) {
            out.append("<li><span class=\"kind\">").append(lower(step.kind())).append("</span> ");
            step.optionalLocation().ifPresent(location -> out.append("<code>").append(escape(location.toString()))
                    .append("</code> "));
            out.append(escape(step.description()));
            step.optionalSql().ifPresent(sql -> out.append("<pre class=\"sql\">").append(escape(sql)).append("</pre>"));
            out.append("</li>\n");
        }
        out.append("</ol>\n");
        if (!finding.tests().isEmpty()) {
            out.append("<p class=\"tests\">Seen in ");
            List<TestCase> tests = finding.tests();
            for (int i = 0; i < tests.size(); i++) {
                TestCase test = tests.get(i);
                out.append(i == 0 ? "" : ", ").append("<code>").append(escape(simpleName(test.className()))).append('#')
                        .append(escape(test.methodName())).append("</code> &ldquo;").append(escape(test.displayName()))
                        .append("&rdquo;");
            }
            out.append("</p>\n");
        }
        out.append("<details class=\"why\"><summary>Why this is a race</summary><p>")
                .append(escape(finding.rule().summary())).append(" See <code>").append(finding.rule().docPath())
                .append("</code>.</p></details>\n");
        for (Fix fix : finding.fixes()) {
            out.append("<div class=\"fix\"><p>Fix: ").append(escape(fix.title())).append("</p><pre>")
                    .append(escape(fix.code())).append("</pre></div>\n");
        }
        out.append("</section>\n");
    }

    /** The finding's line and every evidence line in the same file, with a few lines around each. */
    private static void snippet(StringBuilder out, Finding finding, SourceLines sources) {
        String path = finding.location().path();
        List<String> lines = finding.location().known() ? sources.lines(path) : List.of();
        if (lines.isEmpty()) {
            return;
        }
        Set<Integer> marked = new HashSet<>();
        marked.add(finding.location().line());
        for (Evidence step : finding.evidence()) {
            SourceLocation location = step.location();
            if (location != null && location.path().equals(path)) {
                marked.add(location.line());
            }
        }
        boolean[] shown = new boolean[lines.size() + 2];
        for (int line : marked) {
            for (int i = Math.max(1, line - CONTEXT); i <= Math.min(lines.size(), line + CONTEXT); i++) {
                shown[i] = true;
            }
        }
        out.append("<pre class=\"code\">");
        boolean gap = false;
        boolean any = false;
        for (int i = 1; i <= lines.size(); i++) {
            if (!shown[i]) {
                gap = true;
                continue;
            }
            if (gap && any) {
                out.append("<span class=\"gap\">&#8942;</span>");
            }
            gap = false;
            any = true;
            boolean hit = marked.contains(i);
            out.append("<span class=\"line").append(hit ? " hit" : "").append("\"><span class=\"no\">").append(i)
                    .append("</span>").append(escape(lines.get(i - 1))).append("</span>");
        }
        out.append("</pre>\n");
    }

    private static void notices(StringBuilder out, List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        out.append("<h2>Notices</h2>\n<ul class=\"notices\">\n");
        for (Notice notice : notices) {
            out.append("<li><span class=\"kind\">").append(escape(notice.level())).append("</span> <code>")
                    .append(escape(notice.file() == null ? "" : notice.file()))
                    .append(notice.line() > 0 ? ":" + notice.line() : "").append("</code> ")
                    .append(escape(notice.message())).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static long count(List<Finding> findings, Origin origin) {
        return findings.stream().filter(f -> f.origin() == origin).count();
    }

    private static String severity(Finding finding) {
        return lower(finding.severity());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            :root { --ink: #1d2430; --muted: #5b6575; --line: #e3e7ee; --error: #b42318; --warning: #b54708;
                    --hit: #fff4d6; --bg: #f7f8fa; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
                   background: var(--bg); }
            header { background: #1d2430; color: #fff; padding: 18px 32px; }
            header h1 { margin: 0; font-size: 22px; letter-spacing: .5px; }
            header p { margin: 4px 0 0; color: #c9d1de; }
            main { max-width: 1100px; margin: 0 auto; padding: 8px 32px 48px; }
            h2 { margin-top: 32px; font-size: 18px; }
            code, pre { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
            table.summary { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
            table.summary th, table.summary td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line);
                   vertical-align: top; }
            table.summary th { font-size: 13px; color: var(--muted); font-weight: 600; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; width: 8em; }
            .rule { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: 600;
                    color: #fff; background: var(--error); }
            .rule.warning { background: var(--warning); }
            .origin { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
                      border: 1px solid var(--muted); color: var(--muted); }
            .origin.runtime { border-color: #175cd3; color: #175cd3; }
            .tag { display: inline-block; font-size: 12px; background: #eef1f6; border-radius: 4px; padding: 0 6px; }
            .finding { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 14px 20px;
                       margin: 16px 0; }
            .finding h3 { margin: 0; font-size: 15px; font-weight: 500; }
            .where { margin-left: 6px; }
            .count { color: var(--muted); font-size: 13px; }
            .message { margin: 8px 0 2px; font-weight: 600; }
            .meta { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
            pre.code { background: #fbfcfd; border: 1px solid var(--line); border-radius: 4px; padding: 6px 0;
                       overflow-x: auto; }
            pre.code .line { display: block; padding: 0 12px 0 0; white-space: pre; min-height: 1.45em; }
            pre.code .line.hit { background: var(--hit); box-shadow: inset 3px 0 0 var(--warning); }
            pre.code .no { display: inline-block; width: 4em; padding-right: 1em; text-align: right; color: #98a2b3;
                           user-select: none; }
            pre.code .gap { display: block; padding-left: 2.6em; color: #98a2b3; }
            ol.evidence { margin: 8px 0; padding-left: 22px; }
            ol.evidence li { margin: 4px 0; }
            .kind { display: inline-block; min-width: 5.5em; font-size: 12px; text-transform: uppercase;
                    color: var(--muted); letter-spacing: .4px; }
            pre.sql { margin: 4px 0; padding: 4px 8px; background: #f2f4f7; border-radius: 4px; white-space: pre-wrap; }
            .tests { font-size: 13px; }
            .why summary { cursor: pointer; color: var(--muted); font-size: 13px; }
            .fix { border-left: 3px solid #12b76a; padding: 2px 12px; margin: 10px 0; background: #f6fef9; }
            .fix p { margin: 4px 0; font-weight: 600; }
            .fix pre { margin: 4px 0 6px; white-space: pre-wrap; }
            .clean { font-size: 18px; color: #067647; }
            ul.notices { font-size: 13px; color: var(--muted); }
            """;
}
