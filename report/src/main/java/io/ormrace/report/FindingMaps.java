package io.ormrace.report;

import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The finding model as plain maps and lists, for the JSON writer. */
final class FindingMaps {

    private FindingMaps() {
    }

    static Map<String, Object> finding(Finding finding) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rule", finding.rule().id());
        map.put("severity", lower(finding.severity()));
        map.put("origin", lower(finding.origin()));
        map.put("message", finding.message());
        map.put("location", finding.location().known() ? location(finding.location()) : null);
        map.put("anchor", finding.anchor());
        map.put("target", finding.target());
        map.put("columns", finding.columns());
        map.put("evidence", finding.evidence().stream().map(FindingMaps::evidence).toList());
        map.put("fixes", finding.fixes().stream().map(fix -> Map.of("title", fix.title(), "code", fix.code())).toList());
        map.put("count", finding.count());
        map.put("tests", finding.tests().stream().map(test -> map(
                "class", test.className(), "method", test.methodName(), "displayName", test.displayName())).toList());
        map.put("fingerprint", finding.fingerprint());
        if (!finding.statement().isEmpty()) {
            map.put("statement", finding.statement());
        }
        return map;
    }

    static Map<String, Object> evidence(Evidence step) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", lower(step.kind()));
        map.put("location", step.location() == null ? null : location(step.location()));
        map.put("description", step.description());
        map.put("sql", step.sql());
        return map;
    }

    static Map<String, Object> location(SourceLocation location) {
        return map("path", location.path(), "line", location.line(), "column", location.column());
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static List<Map<String, Object>> notices(List<Notice> notices) {
        return notices.stream().map(n -> map("level", n.level(), "file", n.file(), "line", n.line(), "message", n.message())).toList();
    }
}
