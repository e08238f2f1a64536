package io.ormrace.analyzer.schema;

import io.ormrace.analyzer.schema.SqlLexer.Kind;
import io.ormrace.analyzer.schema.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a SQL script into statements: at each {@code ;} outside strings, quoted names and comments, at the
 * delimiter a MySQL {@code DELIMITER //} line sets, and at a line holding only {@code /} (SQL*Plus) or {@code GO}
 * (SQL Server). A {@code #} where a statement would begin starts a comment (MySQL).
 */
final class SqlScript {

    /**
     * One statement, without its delimiter. Comments in it are blanked out, line breaks kept, so that a line of the
     * text is a line of the script.
     *
     * @param line the script's line (1-based) of the statement's first character that is not blank nor comment
     */
    record Statement(String text, int line) {
    }

    private SqlScript() {
    }

    static List<Statement> statements(String script) {
        SqlLexer lexer = new SqlLexer(script);
        lexer.delimiter(";");
        List<Statement> statements = new ArrayList<>();
        List<Token> pending = new ArrayList<>();
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            if (token.kind() == Kind.DELIMITER || endsStatementAlone(script, lexer, token)) {
                addStatement(script, pending, statements);
            } else if (token.kind() == Kind.COMMENT) {
                if (!pending.isEmpty()) {
                    pending.add(token);
                }
            } else if (pending.isEmpty() && token.isSymbol("#")) {
                // no statement begins with #: a MySQL comment after the previous statement, on its line
                lexer.skipToLineEnd();
            } else if (pending.isEmpty() && token.isWord("DELIMITER") && lexer.startsLine(token.start())) {
                String[] rest = script.substring(token.end(), lexer.lineEnd(token.end())).strip().split("\\s+");
                if (rest[0].isEmpty()) {
                    pending.add(token);
                } else {
                    lexer.delimiter(rest[0]);
                    lexer.skipToLineEnd();
                }
            } else {
                pending.add(token);
            }
        }
        addStatement(script, pending, statements);
        return statements;
    }

    /** A line holding only {@code /} or {@code GO}. */
    private static boolean endsStatementAlone(String script, SqlLexer lexer, Token token) {
        return (token.isSymbol("/") || token.isWord("GO")) && lexer.startsLine(token.start())
                && script.substring(token.end(), lexer.lineEnd(token.end())).isBlank();
    }

    private static void addStatement(String script, List<Token> pending, List<Statement> statements) {
        int last = pending.size() - 1;
        while (last >= 0 && pending.get(last).kind() == Kind.COMMENT) {
            last--;
        }
        if (last >= 0) {
            Token first = pending.get(0);
            int start = first.start();
            char[] text = script.substring(start, pending.get(last).end()).toCharArray();
            for (Token token : pending.subList(0, last)) {
                if (token.kind() == Kind.COMMENT) {
                    blank(text, token.start() - start, token.end() - start);
                }
            }
            statements.add(new Statement(new String(text), first.line()));
        }
        pending.clear();
    }

    /** Comments become spaces; their line breaks stay. */
    private static void blank(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] != '\n' && text[i] != '\r') {
                text[i] = ' ';
            }
        }
    }
}
