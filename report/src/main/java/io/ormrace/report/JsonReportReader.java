package io.ormrace.report;

import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;
import io.ormrace.core.Severity;
import io.ormrace.core.SourceLocation;
import io.ormrace.core.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON report back into the finding model: how the Maven plugin merges the agent's runtime findings into
 * the build's reports. The inverse of {@link JsonReport}.
 */
public final class JsonReportReader {

    private JsonReportReader() {
    }

    /** @throws IllegalArgumentException when the text is not an ormrace JSON report, saying what is wrong */
    public static Report read(String json) {
        if (!(JsonParser.parse(json) instanceof Map<?, ?> root) || !"ormrace".equals(root.get("tool"))) {
            throw new IllegalArgumentException("not an ormrace JSON report");
        }
        List<Finding> findings = new ArrayList<>();
        for (Object item : list(root.get("findings"))) {
            findings.add(finding(map(item)));
        }
        List<Notice> notices = new ArrayList<>();
        for (Object item : list(root.get("notices"))) {
            Map<?, ?> notice = map(item);
            notices.add(new Notice(text(notice.get("level")), text(notice.get("file")),
                    notice.get("line") instanceof Number n ? n.intValue() : 0, text(notice.get("message"))));
        }
        return new Report(String.valueOf(root.get("version")), findings, notices);
    }

    private static Finding finding(Map<?, ?> map) {
        String ruleId = text(map.get("rule"));
        Rule rule = Rule.byId(ruleId)
                .orElseThrow(() -> new IllegalArgumentException("unknown rule '" + ruleId + "'"));
        Finding.Builder builder = Finding.builder(rule, Origin.valueOf(upper(map.get("origin"))))
                .severity(Severity.valueOf(upper(map.get("severity"))))
                .message(text(map.get("message")))
                .at(map.get("location") == null ? SourceLocation.NO_APPLICATION_FRAME : location(map(map.get("location"))), text(map.get("anchor")))
                .target(text(map.get("target")), list(map.get("columns")).stream().map(String::valueOf).toList())
                .count(((Number) map.get("count")).intValue())
                .statement(map.get("statement") == null ? "" : text(map.get("statement")));
        for (Object item : list(map.get("evidence"))) {
            Map<?, ?> step = map(item);
            builder.evidence(new Evidence(Evidence.Kind.valueOf(upper(step.get("kind"))),
                    step.get("location") == null ? null : location(map(step.get("location"))),
                    text(step.get("description")), (String) step.get("sql")));
        }
        for (Object item : list(map.get("fixes"))) {
            Map<?, ?> fix = map(item);
            builder.fix(text(fix.get("title")), text(fix.get("code")));
        }
        for (Object item : list(map.get("tests"))) {
            Map<?, ?> test = map(item);
            builder.test(new TestCase(text(test.get("class")), text(test.get("method")), text(test.get("displayName"))));
        }
        return builder.build();
    }

    private static SourceLocation location(Map<?, ?> map) {
        return new SourceLocation(text(map.get("path")), ((Number) map.get("line")).intValue(),
                ((Number) map.get("column")).intValue());
    }

    private static Map<?, ?> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("expected an object, found " + value);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String upper(Object value) {
        return text(value).toUpperCase(Locale.ROOT);
    }
}
