package io.ormrace.analyzer.flow;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A query for the highest value of one column ({@code select max(o.number) from Order o where ...}), coalesced or not. */
final class MaxQuery {

    private static final Pattern MAX = Pattern.compile(
            "^\\s*select\\s+(?:(?:coalesce|ifnull|nvl|isnull)\\s*\\(\\s*)?max\\s*\\(\\s*(?:\\w+\\.)?(\\w+)\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private MaxQuery() {
    }

    /** The column (or JPQL attribute) whose maximum the query selects. */
    static Optional<String> column(String query) {
        Matcher matcher = MAX.matcher(query);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
