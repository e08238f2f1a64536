package io.ormrace.report;

import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Rule;
import io.ormrace.core.Severity;
import io.ormrace.core.SourceLocation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for IDEs and code scanning: one run, every rule's metadata, each finding with its primary location
 * (relative to the working directory), its evidence as related locations, and a stable fingerprint.
 */
final class SarifReport implements ReportWriter {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public String write(Report report) {
        List<Rule> rules = Arrays.asList(Rule.values());
        Map<String, Object> driver = FindingMaps.map(
                "name", "ormrace",
                "version", report.toolVersion(),
                "informationUri", "https://ormrace.io/",
                "rules", rules.stream().map(SarifReport::rule).toList());
        Map<String, Object> run = FindingMaps.map(
                "tool", FindingMaps.map("driver", driver),
                "invocations", List.of(FindingMaps.map(
                        "executionSuccessful", true,
                        "toolExecutionNotifications", report.notices().stream().map(SarifReport::notification).toList())),
                "results", report.findings().stream().map(f -> result(f, rules.indexOf(f.rule()))).toList());
        return Json.write(FindingMaps.map("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run)));
    }

    private static Map<String, Object> rule(Rule rule) {
        return FindingMaps.map(
                "id", rule.id(),
                "name", camel(rule.id()),
                "shortDescription", text(rule.summary()),
                "fullDescription", text(rule.summary()),
                "help", FindingMaps.map("text", rule.summary() + " See " + rule.docPath() + " for the racy code and every fix.",
                        "markdown", RulePages.markdown(rule)),
                "defaultConfiguration", FindingMaps.map("level", level(rule.defaultSeverity())),
                "properties", FindingMaps.map("tags", List.of("concurrency", "database")));
    }

    private static Map<String, Object> result(Finding finding, int ruleIndex) {
        List<Map<String, Object>> related = new ArrayList<>();
        int id = 1;
        for (Evidence step : finding.evidence()) {
            if (step.location() != null) {
                related.add(FindingMaps.map("id", id++, "physicalLocation", physical(step.location()),
                        "message", text(step.kind().name().toLowerCase() + ": " + step.description())));
            }
        }
        Map<String, Object> result = FindingMaps.map(
                "ruleId", finding.rule().id(),
                "ruleIndex", ruleIndex,
                "level", level(finding.severity()),
                "message", text(finding.message()),
                "locations", List.of(finding.location().known()
                        ? FindingMaps.map("physicalLocation", physical(finding.location()), "logicalLocations", List.of(
                                FindingMaps.map("fullyQualifiedName", finding.anchor(), "kind", "function")))
                        : FindingMaps.map("logicalLocations", List.of(
                                FindingMaps.map("fullyQualifiedName", finding.anchor(), "kind", "function")))),
                "partialFingerprints", FindingMaps.map("ormrace/v1", finding.fingerprint()));
        if (!related.isEmpty()) {
            result.put("relatedLocations", related);
        }
        if (finding.count() > 1) {
            result.put("occurrenceCount", finding.count());
        }
        result.put("properties", FindingMaps.map(
                "origin", FindingMaps.lower(finding.origin()),
                "target", finding.target(),
                "columns", finding.columns(),
                "evidence", finding.evidence().stream().map(FindingMaps::evidence).toList(),
                "fixes", finding.fixes().stream().map(fix -> FindingMaps.map("title", fix.title(), "code", fix.code())).toList(),
                "tests", finding.tests().stream().map(t -> t.className() + "#" + t.methodName()).toList()));
        return result;
    }

    private static Map<String, Object> physical(SourceLocation location) {
        Map<String, Object> region = FindingMaps.map("startLine", location.line());
        if (location.column() > 0) {
            region.put("startColumn", location.column());
        }
        return FindingMaps.map("artifactLocation", FindingMaps.map("uri", uri(location.path())), "region", region);
    }

    /** A relative path as a URI reference: separators kept, anything else a URI may not hold percent-encoded. */
    static String uri(String path) {
        try {
            return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path.replace('\\', '/').replace(" ", "%20");
        }
    }

    private static Map<String, Object> notification(Notice notice) {
        String level = switch (notice.level()) {
            case "error" -> "error";
            case "note" -> "note";
            default -> "warning";
        };
        Map<String, Object> notification = FindingMaps.map("level", level, "message", text(notice.message()));
        if (notice.file() != null && !notice.file().isEmpty()) {
            Map<String, Object> physical = FindingMaps.map("artifactLocation", FindingMaps.map("uri", uri(notice.file())));
            if (notice.line() > 0) {
                physical.put("region", FindingMaps.map("startLine", notice.line()));
            }
            notification.put("locations", List.of(FindingMaps.map("physicalLocation", physical)));
        }
        return notification;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    private static Map<String, Object> text(String text) {
        return FindingMaps.map("text", text);
    }

    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
