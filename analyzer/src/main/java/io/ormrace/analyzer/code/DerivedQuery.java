package io.ormrace.analyzer.code;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Data repository method name read by Spring Data's own grammar ({@code PartTree}): a subject
 * ({@code find|read|get|query|search|stream|count|exists|delete|remove}, with {@code Distinct}, {@code First}/{@code Top<N>},
 * {@code All}), criteria of {@code Or}-joined groups of {@code And}-joined predicates, each a property path and an
 * operator keyword, and an {@code OrderBy} clause. Names outside the grammar are simply not derived queries.
 *
 * @param subject  the verb: find, count, exists, delete (read/get/query/search/stream count as find, remove as delete)
 * @param groups   the {@code Or}-joined groups; empty when the method has no criteria ({@code findAllByOrderByName})
 */
public record DerivedQuery(Subject subject, List<List<Predicate>> groups) {

    public enum Subject { FIND, COUNT, EXISTS, DELETE }

    /**
     * One predicate: a property path ({@code address.zipCode} when written {@code Address_ZipCode}; camel-case paths
     * such as {@code addressZipCode} stay whole, only the entity can split them) and its operator keyword.
     */
    public record Predicate(String property, Operator operator, boolean ignoreCase) {
        public boolean isEquality() {
            return operator == Operator.EQUALS;
        }
    }

    /** Spring Data's {@code Part.Type}, longest keywords first within each, in the order Spring Data tries them. */
    public enum Operator {
        IS_NOT_NULL("IsNotNull", "NotNull"), IS_NULL("IsNull", "Null"), BETWEEN("IsBetween", "Between"),
        LESS_THAN("IsLessThan", "LessThan"), LESS_THAN_EQUAL("IsLessThanEqual", "LessThanEqual"),
        GREATER_THAN("IsGreaterThan", "GreaterThan"), GREATER_THAN_EQUAL("IsGreaterThanEqual", "GreaterThanEqual"),
        BEFORE("IsBefore", "Before"), AFTER("IsAfter", "After"), NOT_LIKE("IsNotLike", "NotLike"), LIKE("IsLike", "Like"),
        STARTING_WITH("IsStartingWith", "StartingWith", "StartsWith"), ENDING_WITH("IsEndingWith", "EndingWith", "EndsWith"),
        IS_NOT_EMPTY("IsNotEmpty", "NotEmpty"), IS_EMPTY("IsEmpty", "Empty"),
        NOT_CONTAINING("IsNotContaining", "NotContaining", "NotContains"), CONTAINING("IsContaining", "Containing", "Contains"),
        NOT_IN("IsNotIn", "NotIn"), IN("IsIn", "In"), NEAR("IsNear", "Near"), WITHIN("IsWithin", "Within"),
        REGEX("MatchesRegex", "Matches", "Regex"), EXISTS("Exists"), TRUE("IsTrue", "True"), FALSE("IsFalse", "False"),
        NOT_EQUALS("IsNot", "Not"), EQUALS("Is", "Equals");

        private final List<String> keywords;

        Operator(String... keywords) {
            this.keywords = List.of(keywords);
        }

        /** The operator a predicate ends with, and the keyword that says so; plain equality when none does. */
        static Operator of(String predicate, StringBuilder keyword) {
            for (Operator operator : values()) {
                for (String word : operator.keywords) {
                    if (predicate.endsWith(word) && predicate.length() > word.length()) {
                        keyword.append(word);
                        return operator;
                    }
                }
            }
            return EQUALS;
        }
    }

    private static final Pattern PREFIX = Pattern.compile(
            "^(find|read|get|query|search|stream|count|exists|delete|remove)((\\p{Lu}.*?))??By");
    private static final Pattern ALL_IGNORE_CASE = Pattern.compile("AllIgnor(?:ing|e)Case");
    private static final Pattern IGNORE_CASE = Pattern.compile("(?:IgnoreCase|IgnoringCase)$");

    /** The query a method name derives, or empty when the name is not one Spring Data derives a query from. */
    public static Optional<DerivedQuery> parse(String methodName) {
        Matcher prefix = PREFIX.matcher(methodName);
        if (!prefix.find()) {
            return Optional.empty();
        }
        Subject subject = switch (prefix.group(1)) {
            case "count" -> Subject.COUNT;
            case "exists" -> Subject.EXISTS;
            case "delete", "remove" -> Subject.DELETE;
            default -> Subject.FIND;
        };
        String criteria = split(methodName.substring(prefix.end()), "OrderBy")[0];
        boolean allIgnoreCase = ALL_IGNORE_CASE.matcher(criteria).find();
        criteria = ALL_IGNORE_CASE.matcher(criteria).replaceAll("");
        List<List<Predicate>> groups = new ArrayList<>();
        for (String group : split(criteria, "Or")) {
            if (group.isEmpty()) {
                continue;
            }
            List<Predicate> predicates = new ArrayList<>();
            for (String part : split(group, "And")) {
                if (!part.isEmpty()) {
                    predicates.add(predicate(part, allIgnoreCase));
                }
            }
            if (!predicates.isEmpty()) {
                groups.add(List.copyOf(predicates));
            }
        }
        return Optional.of(new DerivedQuery(subject, List.copyOf(groups)));
    }

    /**
     * The properties that identify the row looked up: those of a query whose criteria are one group of equalities
     * only. Empty for no criteria, an {@code Or}, or any range, pattern, null or negated predicate.
     */
    public List<String> equalityProperties() {
        if (groups.size() != 1 || !groups.get(0).stream().allMatch(Predicate::isEquality)) {
            return List.of();
        }
        return groups.get(0).stream().map(Predicate::property).toList();
    }

    private static Predicate predicate(String part, boolean allIgnoreCase) {
        Matcher ignoreCase = IGNORE_CASE.matcher(part);
        boolean ignoring = ignoreCase.find();
        String rest = ignoring ? part.substring(0, ignoreCase.start()) : part;
        StringBuilder keyword = new StringBuilder();
        Operator operator = Operator.of(rest, keyword);
        String property = rest.substring(0, rest.length() - keyword.length());
        return new Predicate(path(property), operator, ignoring || allIgnoreCase);
    }

    /** {@code Address_ZipCode} to {@code address.zipCode}; {@code FirstName} to {@code firstName}. */
    private static String path(String property) {
        return String.join(".", Arrays.stream(property.split("_")).filter(s -> !s.isEmpty())
                .map(DerivedQuery::decapitalize).toList());
    }

    private static String decapitalize(String word) {
        return word.isEmpty() ? word : Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }

    /** Spring Data's split: at the keyword when an upper-case or non-ASCII letter follows it. */
    private static String[] split(String text, String keyword) {
        return text.split("(" + keyword + ")(?=(\\p{Lu}|\\P{InBASIC_LATIN}))");
    }
}
