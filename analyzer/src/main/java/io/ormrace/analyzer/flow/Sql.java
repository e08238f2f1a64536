package io.ormrace.analyzer.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SQL or JPQL text does, read as far as races need: which table, which equality columns, locks, the
 * columns an update sets from which parameters, and whether an insert is an upsert.
 */
record Sql(Kind kind, String table, List<String> equalityColumns, List<String> selectedColumns, String lockMode,
        Map<String, Integer> setFromParameter, Map<String, String> setFromNamedParameter, List<String> whereColumns,
        Map<String, Integer> whereFromParameter, Map<String, String> whereFromNamedParameter, boolean upsert) {

    enum Kind { SELECT, INSERT, UPDATE, DELETE, OTHER }

    private static final Pattern FROM = Pattern.compile("\\bfrom\\s+([\\w.\"`]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTO = Pattern.compile("^(?:insert|merge|replace)\\s+(?:ignore\\s+)?(?:into\\s+)?([\\w.\"`]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE = Pattern.compile("^update\\s+([\\w.\"`]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHERE_COLUMN = Pattern.compile("(?:\\b\\w+\\.)?(\\w+)\\s*(?:=|<|>|<=|>=|<>|!=)");
    private static final Pattern WHERE_EQUALS_PARAMETER = Pattern.compile("(?:\\b\\w+\\.)?(\\w+)\\s*=\\s*(\\?|:\\w+)");

    static Sql parse(String text) {
        String sql = text.strip().replaceAll("\\s+", " ");
        String lower = sql.toLowerCase(Locale.ROOT);
        String lock = lockOf(lower);
        if (lower.startsWith("select") || lower.startsWith("from") || lower.startsWith("with")) {
            String table = group(FROM, sql).orElse("");
            String where = after(sql, " where ");
            return new Sql(Kind.SELECT, table, io.ormrace.analyzer.code.QueryWhere.equalities(sql), selected(sql), lock, Map.of(),
                    Map.of(), List.of(), Map.of(), Map.of(), false);
        }
        if (lower.startsWith("insert") || lower.startsWith("merge") || lower.startsWith("replace")) {
            boolean upsert = lower.startsWith("merge") || lower.startsWith("replace") || lower.contains(" on conflict")
                    || lower.contains(" on duplicate key") || lower.startsWith("insert ignore")
                    || lower.startsWith("insert or ignore") || lower.contains(" where not exists");
            return new Sql(Kind.INSERT, group(INTO, sql).orElse(""), List.of(), List.of(), null, Map.of(), Map.of(), List.of(), Map.of(), Map.of(), upsert);
        }
        if (lower.startsWith("update")) {
            return parseUpdate(sql);
        }
        if (lower.startsWith("delete")) {
            return new Sql(Kind.DELETE, group(FROM, sql).orElse(""), List.of(), List.of(), null, Map.of(), Map.of(), List.of(), Map.of(), Map.of(), false);
        }
        return new Sql(Kind.OTHER, "", List.of(), List.of(), lock, Map.of(), Map.of(), List.of(), Map.of(), Map.of(), false);
    }

    private static Sql parseUpdate(String sql) {
        String table = group(UPDATE, sql).orElse("");
        String lower = sql.toLowerCase(Locale.ROOT);
        int set = lower.indexOf(" set ");
        int where = set < 0 ? lower.indexOf(" where ") : lower.indexOf(" where ", set);
        int assignmentsEnd = where < 0 ? sql.length() : where;
        // in "set where" the two share the space between them, and the set assigns nothing
        String assignments = set < 0 ? "" : sql.substring(Math.min(set + 5, assignmentsEnd), assignmentsEnd);
        String whereText = where < 0 ? "" : sql.substring(where + 7);
        Map<String, Integer> fromParameter = new LinkedHashMap<>();
        Map<String, String> fromNamed = new LinkedHashMap<>();
        int parameter = 0;
        for (String assignment : splitTopLevel(assignments)) {
            int equals = assignment.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String column = lastIdentifier(assignment.substring(0, equals));
            String value = assignment.substring(equals + 1).strip();
            if (column.isEmpty()) {
                parameter += count(value, '?');
                continue;
            }
            boolean selfReferencing = Pattern.compile("\\b" + Pattern.quote(column) + "\\b", Pattern.CASE_INSENSITIVE)
                    .matcher(value.replaceAll(":\\w+", "?")).find(); // set stock = :stock names a parameter
            if (value.equals("?") && !selfReferencing) {
                fromParameter.put(column, parameter + 1);
            } else if (value.matches(":\\w+") && !selfReferencing) {
                fromNamed.put(column, value.substring(1));
            }
            parameter += count(value, '?');
        }
        List<String> whereColumns = new ArrayList<>();
        Matcher matcher = WHERE_COLUMN.matcher(whereText);
        while (matcher.find()) {
            whereColumns.add(matcher.group(1));
        }
        Map<String, Integer> whereFromParameter = new LinkedHashMap<>();
        Map<String, String> whereFromNamed = new LinkedHashMap<>();
        Matcher compared = WHERE_EQUALS_PARAMETER.matcher(whereText);
        while (compared.find()) {
            if (compared.group(2).equals("?")) {
                whereFromParameter.put(compared.group(1), parameter + count(whereText.substring(0, compared.end()), '?'));
            } else {
                whereFromNamed.put(compared.group(1), compared.group(2).substring(1));
            }
        }
        return new Sql(Kind.UPDATE, table, List.of(), List.of(), null, fromParameter, fromNamed, whereColumns,
                whereFromParameter, whereFromNamed, false);
    }

    static String lockOf(String lower) {
        if (lower.contains(" for update") || lower.contains(" for no key update")) {
            return "PESSIMISTIC_WRITE";
        }
        if (lower.contains(" for share") || lower.contains(" lock in share mode") || lower.contains(" for key share")) {
            return "PESSIMISTIC_READ";
        }
        return null;
    }

    private static List<String> selected(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        int from = lower.indexOf(" from ");
        if (!lower.startsWith("select") || from < 0) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (String item : splitTopLevel(sql.substring(6, from))) {
            columns.add(selectedColumn(item));
        }
        return columns;
    }

    /** A maximum, minimum or sum of one column, aliased or not: kept as its text, like a count. */
    private static final Pattern AGGREGATE = Pattern.compile(
            "(?i)((?:max|min|sum)\\s*\\(\\s*[\\w.\"`]+\\s*\\))(?:\\s+(?:as\\s+)?[\\w\"`]+)?");
    /** Whether a selected column is an aggregate kept as its text: {@code count(*)}, {@code max(version)}. */
    static boolean isAggregate(String selected) {
        String lower = selected.toLowerCase(Locale.ROOT);
        return lower.startsWith("count(") || lower.startsWith("max(") || lower.startsWith("min(") || lower.startsWith("sum(");
    }

    private static final Pattern BARE_COLUMN = Pattern.compile("\\(?\\s*([\\w.\"`]+)\\s*\\)?");
    private static final Pattern ALIAS = Pattern.compile("(?i)\\s+(?:as\\s+)?[\\w\"`]+$");

    /**
     * The column a select list item reads: {@code t.name}, {@code distinct(office_id)}, {@code name as n} name one;
     * {@code count(*)} keeps its text, for counting lookups, and {@code max(version)} its own, for stored aggregates; any
     * other expression names none (an empty string).
     */
    private static String selectedColumn(String item) {
        String expression = item.strip().replaceFirst("(?i)^distinct\\b\\s*", "").strip();
        if (expression.toLowerCase(Locale.ROOT).startsWith("count(")) {
            return expression.replaceAll("\\s+", "");
        }
        Matcher aggregate = AGGREGATE.matcher(expression);
        if (aggregate.matches()) {
            return aggregate.group(1).replaceAll("\\s+", "").toLowerCase(Locale.ROOT); // max(version) as version
        }
        Matcher bare = BARE_COLUMN.matcher(expression);
        if (bare.matches()) {
            return lastIdentifier(bare.group(1));
        }
        String unaliased = ALIAS.matcher(expression).replaceFirst("");
        Matcher aliased = BARE_COLUMN.matcher(unaliased);
        return !unaliased.equals(expression) && aliased.matches() ? lastIdentifier(aliased.group(1)) : "";
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String lastIdentifier(String text) {
        String[] words = text.strip().split("[\\s.]+");
        return words.length == 0 ? "" : words[words.length - 1].replaceAll("[\"`]", "");
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    private static Optional<String> group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).replaceAll("[\"`]", "")) : Optional.empty();
    }

    private static String after(String text, String marker) {
        int index = text.toLowerCase(Locale.ROOT).indexOf(marker);
        return index < 0 ? "" : text.substring(index + marker.length());
    }
}
