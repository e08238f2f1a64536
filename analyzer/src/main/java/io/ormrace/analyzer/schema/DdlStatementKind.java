package io.ormrace.analyzer.schema;

import io.ormrace.analyzer.schema.SqlLexer.Kind;
import io.ormrace.analyzer.schema.SqlLexer.Token;
import java.util.List;
import java.util.Set;

/** The statements that can declare unique keys, told apart by their first words; every other statement is OTHER. */
enum DdlStatementKind {
    CREATE_TABLE,
    /** {@code CREATE UNIQUE INDEX}, and H2's {@code CREATE PRIMARY KEY}. */
    CREATE_UNIQUE_INDEX,
    ALTER_TABLE,
    OTHER;

    /** Words that come before TABLE or INDEX are modifiers (GLOBAL TEMPORARY, UNLOGGED, CACHED, ...), unless one of these. */
    private static final Set<String> OTHER_OBJECTS = Set.of("VIEW", "FUNCTION", "PROCEDURE", "TRIGGER", "SEQUENCE",
            "TYPE", "SCHEMA", "DATABASE", "EVENT", "PACKAGE", "MATERIALIZED", "EXTENSION", "DOMAIN", "ROLE", "USER",
            "SYNONYM", "TABLESPACE", "ALIAS", "AGGREGATE", "RULE", "POLICY", "PUBLICATION", "SUBSCRIPTION", "STATISTICS");
    private static final int MAX_MODIFIERS = 4;

    static DdlStatementKind of(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE") && !tokens.get(0).isWord("ALTER")) {
            return OTHER;
        }
        boolean create = tokens.get(0).isWord("CREATE");
        boolean unique = false;
        for (int i = 1; i < tokens.size() && i <= MAX_MODIFIERS + 1; i++) {
            Token token = tokens.get(i);
            if (token.kind() != Kind.WORD || OTHER_OBJECTS.contains(token.upper())) {
                return OTHER;
            }
            switch (token.upper()) {
                case "TABLE" -> {
                    return create ? CREATE_TABLE : ALTER_TABLE;
                }
                case "INDEX" -> {
                    return create && unique ? CREATE_UNIQUE_INDEX : OTHER;
                }
                case "PRIMARY" -> {
                    return create && i + 1 < tokens.size() && tokens.get(i + 1).isWord("KEY") ? CREATE_UNIQUE_INDEX : OTHER;
                }
                case "UNIQUE" -> unique = true;
                default -> {
                }
            }
        }
        return OTHER;
    }
}
