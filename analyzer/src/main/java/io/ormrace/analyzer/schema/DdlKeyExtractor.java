package io.ormrace.analyzer.schema;

import io.ormrace.analyzer.schema.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the unique keys of DDL that JSqlParser cannot read (a dialect's options, columns named by keywords), over its
 * tokens and nothing more: {@code CREATE TABLE} elements, {@code CREATE UNIQUE INDEX ... ON t (...)} and
 * {@code ALTER TABLE t ADD ...}. Whatever follows a table's elements or an index's columns is left unread, so vendor
 * options do not matter.
 */
final class DdlKeyExtractor {

    /** The statement is not shaped as expected: its keys cannot be told. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    /** A name, schema-qualified or not, and the index of the token after it. */
    private record Name(String name, int end) {
    }

    private final List<Token> tokens;
    private final List<StatementKeys.Key> keys = new ArrayList<>();

    private DdlKeyExtractor(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** What the statement declares, or empty when it cannot be read. */
    static Optional<StatementKeys> extract(List<Token> tokens) {
        DdlKeyExtractor extractor = new DdlKeyExtractor(tokens);
        try {
            return Optional.of(switch (DdlStatementKind.of(tokens)) {
                case CREATE_TABLE -> extractor.createTable();
                case CREATE_UNIQUE_INDEX -> extractor.createIndex();
                case ALTER_TABLE -> extractor.alterTable();
                case OTHER -> StatementKeys.NONE;
            });
        } catch (Unreadable e) {
            return Optional.empty();
        }
    }

    /** {@code CREATE [modifiers] TABLE [IF NOT EXISTS] name (elements) [options]}. */
    private StatementKeys createTable() {
        int at = skipIf(indexOfWord("TABLE") + 1, "IF", "NOT", "EXISTS");
        Name table = name(tokens, at);
        if (!Tokens.isSymbol(tokens, table.end(), "(")) {
            // CREATE TABLE ... AS SELECT, LIKE, OF type: no keys of its own
            if (Tokens.mentionUniqueKey(tokens)) {
                throw new Unreadable();
            }
            return new StatementKeys(Optional.of(table.name()), List.of());
        }
        for (List<Token> element : Tokens.splitAtCommas(Tokens.enclosed(tokens, table.end()))) {
            tableElement(table.name(), element);
        }
        return new StatementKeys(Optional.of(table.name()), keys);
    }

    /** {@code CREATE UNIQUE INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table [USING method] (columns) ...}. */
    private StatementKeys createIndex() {
        int on = indexOfWord("ON");
        Name table = name(tokens, skipIf(on + 1, "ONLY"));
        int open = Tokens.isWord(tokens, table.end(), "USING") ? table.end() + 2 : table.end();
        if (!Tokens.isSymbol(tokens, open, "(")) {
            throw new Unreadable();
        }
        keys.add(new StatementKeys.Key(table.name(), columns(open)));
        return new StatementKeys(Optional.empty(), keys);
    }

    /**
     * {@code ALTER TABLE [IF EXISTS] [ONLY] name action, action...}: the actions that count are ADD, and MODIFY or
     * CHANGE of a column (MySQL, Oracle).
     */
    private StatementKeys alterTable() {
        Name table = name(tokens, skipIf(skipIf(indexOfWord("TABLE") + 1, "IF", "EXISTS"), "ONLY"));
        for (List<Token> action : Tokens.splitAtCommas(tokens.subList(table.end(), tokens.size()))) {
            Token verb = action.get(0);
            if (!verb.isWord("ADD") && !verb.isWord("MODIFY") && !verb.isWord("CHANGE")) {
                continue;
            }
            if (Tokens.isSymbol(action, 1, "(")) {
                // Oracle: ADD (element, element)
                for (List<Token> element : Tokens.splitAtCommas(Tokens.enclosed(action, 1))) {
                    tableElement(table.name(), element);
                }
                continue;
            }
            int element = Tokens.isWord(action, 1, "COLUMN") ? 2 : 1;
            element = skipIf(action, element, "IF", "NOT", "EXISTS");
            if (verb.isWord("CHANGE")) {
                // CHANGE old_name new_name definition
                element++;
            }
            if (element < action.size()) {
                tableElement(table.name(), action.subList(element, action.size()));
            }
        }
        return new StatementKeys(Optional.empty(), keys);
    }

    /** A table element: a constraint, or a column whose definition may say PRIMARY KEY or UNIQUE. */
    private void tableElement(String table, List<Token> element) {
        Token first = element.get(0);
        if (first.isWord("CONSTRAINT")) {
            constraint(table, element, name(element, skipIf(element, 1, "IF", "NOT", "EXISTS")).end());
        } else if (first.isWord("PRIMARY") || first.isWord("UNIQUE")) {
            constraint(table, element, 0);
        } else if (first.isWord("INDEX") && Tokens.isWord(element, 2, "UNIQUE")) {
            // SQL Server: INDEX name UNIQUE [CLUSTERED] (columns)
            constraint(table, element, 2);
        } else if (first.isName()) {
            column(table, element);
        } else {
            throw new Unreadable();
        }
    }

    /** {@code PRIMARY KEY [...] (columns)} or {@code UNIQUE [KEY|INDEX] [name] [...] (columns)}; other constraints declare no key. */
    private void constraint(String table, List<Token> element, int at) {
        int body;
        if (Tokens.isWord(element, at, "PRIMARY") && Tokens.isWord(element, at + 1, "KEY")) {
            body = at + 2;
        } else if (Tokens.isWord(element, at, "UNIQUE")) {
            body = at + 1;
        } else {
            return;
        }
        if (Tokens.isWord(element, body, "USING") && Tokens.isWord(element, body + 1, "INDEX")) {
            // PostgreSQL: the constraint takes over an index, recorded when it was created if it was unique
            return;
        }
        int open = Tokens.nextParen(element, body);
        if (open < 0) {
            throw new Unreadable();
        }
        List<String> columns = KeyColumns.of(Tokens.enclosed(element, open)).orElseThrow(Unreadable::new);
        keys.add(new StatementKeys.Key(table, columns));
    }

    /** {@code name type ... [CONSTRAINT c] PRIMARY KEY | UNIQUE ...}, not counting what CHECK (...) and such enclose. */
    private void column(String table, List<Token> element) {
        int depth = 0;
        for (int i = 1; i < element.size(); i++) {
            Token token = element.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (token.isWord("UNIQUE") || token.isWord("PRIMARY") && Tokens.isWord(element, i + 1, "KEY"))) {
                keys.add(new StatementKeys.Key(table, List.of(element.get(0).text())));
                return;
            }
        }
    }

    private List<String> columns(int open) {
        return KeyColumns.of(Tokens.enclosed(tokens, open)).orElseThrow(Unreadable::new);
    }

    private int indexOfWord(String word) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i;
            }
        }
        throw new Unreadable();
    }

    private int skipIf(int at, String... words) {
        return skipIf(tokens, at, words);
    }

    /** {@code at} moved past {@code words} if they come next, else {@code at}. */
    private static int skipIf(List<Token> list, int at, String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!Tokens.isWord(list, at + i, words[i])) {
                return at;
            }
        }
        return at + words.length;
    }

    private static Name name(List<Token> list, int at) {
        if (at >= list.size() || !list.get(at).isName()) {
            throw new Unreadable();
        }
        int last = at;
        while (Tokens.isSymbol(list, last + 1, ".") && last + 2 < list.size() && list.get(last + 2).isName()) {
            last += 2;
        }
        return new Name(list.get(last).text(), last + 1);
    }
}
