package io.ormrace.samples.testkit;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Statement matchers for breakpoints, written against the SQL that Hibernate, Spring and hand-written JDBC emit. */
public final class Sql {

    private Sql() {
    }

    /** A select that reads from the table, locking or not. */
    public static Predicate<String> selectFrom(String table) {
        Pattern from = Pattern.compile("\\bfrom\\s+" + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "\\b");
        return sql -> {
            String s = normalize(sql);
            return s.startsWith("select") && from.matcher(s).find();
        };
    }

    /** A select that reads from the table with {@code for update}. */
    public static Predicate<String> selectForUpdateFrom(String table) {
        return selectFrom(table).and(sql -> normalize(sql).contains(" for update"));
    }

    public static Predicate<String> update(String table) {
        Pattern update = Pattern.compile("^update\\s+" + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "\\b");
        return sql -> update.matcher(normalize(sql)).find();
    }

    public static Predicate<String> insertInto(String table) {
        Pattern insert = Pattern.compile("^(insert|merge)\\s+(ignore\\s+)?into\\s+"
                + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "\\b");
        return sql -> insert.matcher(normalize(sql)).find();
    }

    private static String normalize(String sql) {
        return sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
