package io.ormrace.analyzer.schema;

import io.ormrace.analyzer.schema.SqlLexer.Kind;
import io.ormrace.analyzer.schema.SqlLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a key's or an index's column list names: {@code (a DESC, b(10), lower(email) NULLS FIRST)} names
 * a, b and email. An expression counts as the columns in it, since a key unique on {@code lower(email)} is unique on
 * {@code email} too.
 */
final class KeyColumns {

    /** Words inside index expressions that are no columns. */
    private static final Set<String> EXPRESSION_WORDS = Set.of("AND", "OR", "NOT", "NULL", "IS", "TRUE", "FALSE",
            "CASE", "WHEN", "THEN", "ELSE", "END", "IN", "AS", "ASC", "DESC", "NULLS", "FIRST", "LAST", "COLLATE",
            "LIKE", "BETWEEN", "DISTINCT", "INTERVAL");

    private KeyColumns() {
    }

    /** The columns of the list between a key's parentheses; empty when an element of it names no column. */
    static Optional<List<String>> of(List<Token> list) {
        return ofElements(Tokens.splitAtCommas(list));
    }

    /** The columns of list elements as JSqlParser prints them ({@code `name` (10)}, {@code lower (email)}). */
    static Optional<List<String>> ofPrinted(List<String> elements) {
        if (elements == null) {
            return Optional.empty();
        }
        return ofElements(elements.stream().map(SqlLexer::tokens).toList());
    }

    private static Optional<List<String>> ofElements(List<List<Token>> elements) {
        Set<String> columns = new LinkedHashSet<>();
        for (List<Token> element : elements) {
            List<String> named = columnsOf(element);
            if (named.isEmpty()) {
                return Optional.empty();
            }
            columns.addAll(named);
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(columns));
    }

    private static List<String> columnsOf(List<Token> element) {
        if (element.isEmpty()) {
            return List.of();
        }
        Token first = element.get(0);
        boolean called = Tokens.isSymbol(element, 1, "(");
        if (first.isName() && !called && !Tokens.isSymbol(element, 1, ".")) {
            return List.of(first.text());
        }
        if (first.isName() && called && Tokens.closingParen(element, 1) == 3 && element.get(2).kind() == Kind.NUMBER) {
            return List.of(first.text());
        }
        return namesIn(element);
    }

    /** The column names in an expression: no function names, types after {@code ::} or AS, nor qualifiers. */
    private static List<String> namesIn(List<Token> expression) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < expression.size(); i++) {
            Token token = expression.get(i);
            boolean keyword = token.kind() == Kind.WORD && EXPRESSION_WORDS.contains(token.upper());
            boolean typeOrCollation = Tokens.isSymbol(expression, i - 1, "::") || Tokens.isWord(expression, i - 1, "AS")
                    || Tokens.isWord(expression, i - 1, "COLLATE");
            boolean functionOrQualifier = Tokens.isSymbol(expression, i + 1, "(") || Tokens.isSymbol(expression, i + 1, ".");
            if (token.isName() && !keyword && !typeOrCollation && !functionOrQualifier && !names.contains(token.text())) {
                names.add(token.text());
            }
        }
        return names;
    }
}
