package io.ormrace.analyzer.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query's where clause compares with parameters, as paths from the table or entity it reads: {@code p.owner.id
 * = :id} gives {@code owner.id}. A comparison on an alias joined along an attribute ({@code join c.merchantStore cm
 * ... cm.id = ?2}, or {@code cm.code = ?2}) is one on that attribute's row, found by a key of its own:
 * {@code merchantStore.id}. None when the clause has an {@code or}, or compares a column of another table.
 */
public final class QueryWhere {

    private static final Pattern EQUALITY = Pattern.compile("\\b((?:\\w+\\.)*\\w+)\\s*=\\s*(?::\\w+|\\?\\d*)");
    private static final Pattern FROM = Pattern.compile(
            "\\bfrom\\s+([\\w.\"`]+)(?:\\s+(?:as\\s+)?(?!where\\b|join\\b|left\\b|inner\\b|right\\b|order\\b|group\\b|cross\\b)(\\w+))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JOIN = Pattern.compile(
            "\\bjoin\\s+(?:fetch\\s+)?(\\w+)\\.(\\w+)\\s+(?:as\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OR = Pattern.compile("\\bor\\b", Pattern.CASE_INSENSITIVE);

    private QueryWhere() {
    }

    public static List<String> equalities(String query) {
        String flat = query.replaceAll("\\s+", " ");
        String where = flat.replaceAll("(?is)^.*?\\bwhere\\b", "");
        if (where.equals(flat)) {
            return List.of();
        }
        where = where.split("(?i)\\b(?:order\\s+by|group\\s+by|limit|for\\s+update|for\\s+share)\\b")[0];
        if (OR.matcher(where).find()) {
            return List.of();
        }
        Matcher from = FROM.matcher(flat);
        String table = "";
        String root = null;
        if (from.find()) {
            table = from.group(1).replaceAll("[\"`]", "");
            table = table.substring(table.lastIndexOf('.') + 1);
            root = from.group(2);
        }
        Map<String, String> joined = new HashMap<>();
        Matcher join = JOIN.matcher(flat);
        while (join.find()) {
            if (join.group(1).equalsIgnoreCase(root == null ? table : root)) {
                joined.put(join.group(3), join.group(2));
            }
        }
        List<String> paths = new ArrayList<>();
        Matcher matcher = EQUALITY.matcher(where);
        while (matcher.find()) {
            String path = matcher.group(1);
            int dot = path.indexOf('.');
            String qualifier = dot < 0 ? null : path.substring(0, dot);
            String rest = dot < 0 ? path : path.substring(dot + 1);
            if (qualifier == null || qualifier.equalsIgnoreCase(table) || (root != null && qualifier.equalsIgnoreCase(root))) {
                paths.add(rest);
            } else if (joined.containsKey(qualifier)) {
                paths.add(joined.get(qualifier) + ".id");
            } else {
                return List.of();
            }
        }
        return paths;
    }
}
