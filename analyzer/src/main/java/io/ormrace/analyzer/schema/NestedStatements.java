package io.ormrace.analyzer.schema;

import io.ormrace.analyzer.schema.SqlLexer.Kind;
import io.ormrace.analyzer.schema.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL statements inside another statement: a MySQL procedure's body, a PostgreSQL {@code DO $$ ... $$} block or
 * function body, where migrations put their conditional {@code CREATE TABLE} and {@code ALTER TABLE ... ADD}.
 */
final class NestedStatements {

    /** Dollar-quoted bodies inside dollar-quoted bodies are looked into down to this depth. */
    private static final int MAX_DEPTH = 3;

    private NestedStatements() {
    }

    /** The CREATE and ALTER statements that may declare keys, each up to its {@code ;}, with their script lines. */
    static List<SqlScript.Statement> in(SqlScript.Statement statement) {
        List<SqlScript.Statement> found = new ArrayList<>();
        collect(statement.text(), statement.line(), 0, found);
        return found;
    }

    private static void collect(String text, int firstLine, int depth, List<SqlScript.Statement> found) {
        List<Token> tokens = SqlLexer.tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if ((token.isWord("CREATE") || token.isWord("ALTER"))
                    && DdlStatementKind.of(tokens.subList(i, tokens.size())) != DdlStatementKind.OTHER) {
                int end = i;
                while (end < tokens.size() && !tokens.get(end).isSymbol(";")) {
                    end++;
                }
                found.add(new SqlScript.Statement(text.substring(token.start(), tokens.get(end - 1).end()),
                        firstLine + token.line() - 1));
                i = end;
            } else if (token.kind() == Kind.STRING && token.text().startsWith("$") && depth < MAX_DEPTH) {
                String body = token.text();
                String tag = body.substring(0, body.indexOf('$', 1) + 1);
                if (body.length() >= 2 * tag.length() && body.endsWith(tag)) {
                    collect(body.substring(tag.length(), body.length() - tag.length()), firstLine + token.line() - 1,
                            depth + 1, found);
                }
            }
        }
    }
}
