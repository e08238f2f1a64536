package io.ormrace.analyzer.schema;

import io.ormrace.analyzer.Problem;
import io.ormrace.analyzer.schema.SqlLexer.Token;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads unique keys from SQL DDL (Flyway migrations, {@code schema.sql}, dumps): primary keys, {@code unique} columns
 * and constraints, unique indexes, and {@code alter table ... add} of either. Each statement is read by JSqlParser,
 * else by {@link DdlKeyExtractor}; a statement neither can read that mentions a key is reported at its line and
 * skipped, the rest of the file still counts. Other statements are only searched for DDL nested in them (routine
 * bodies, {@code DO} blocks).
 */
public final class DdlReader {

    private static final int SHOWN_CHARACTERS = 100;
    /**
     * JSqlParser takes seconds on deeper nesting, up to its timeout of 8 s per statement (and it can overflow the
     * stack); no real DDL nests that deep, and {@link DdlKeyExtractor} reads any depth in linear time.
     */
    private static final int MAX_JSQLPARSER_NESTING = 50;

    private final Schema schema;
    private final Consumer<Problem> problems;

    public DdlReader(Schema schema, Consumer<Problem> problems) {
        this.schema = schema;
        this.problems = problems;
    }

    public void read(String file, String sql) {
        read(file, sql, 1);
    }

    /**
     * @param firstLine the line of {@code file} on which {@code sql} begins, 0 when unknown (problems then have no
     *                  line)
     */
    public void read(String file, String sql, int firstLine) {
        List<SqlScript.Statement> statements;
        try {
            statements = SqlScript.statements(sql);
        } catch (RuntimeException | StackOverflowError e) {
            problems.accept(Problem.internal(file, firstLine, "splitting the SQL script into statements", e));
            return;
        }
        for (SqlScript.Statement statement : statements) {
            int line = firstLine > 0 ? firstLine + statement.line() - 1 : 0;
            try {
                List<Token> tokens = SqlLexer.tokens(statement.text());
                if (DdlStatementKind.of(tokens) != DdlStatementKind.OTHER) {
                    readKeys(file, line, statement.text(), tokens);
                } else {
                    for (SqlScript.Statement nested : NestedStatements.in(statement)) {
                        int nestedLine = firstLine > 0 ? firstLine + nested.line() - 1 : 0;
                        readKeys(file, nestedLine, nested.text(), SqlLexer.tokens(nested.text()));
                    }
                }
            } catch (RuntimeException | Error e) {
                problems.accept(Problem.internal(file, line, "reading the DDL statement", e));
            }
        }
    }

    private void readKeys(String file, int line, String sql, List<Token> tokens) {
        boolean mentionsKey = Tokens.mentionUniqueKey(tokens);
        // a statement that mentions a key of which JSqlParser saw none was misread: the extractor has a look too
        Optional<StatementKeys> parsed = Tokens.nesting(tokens) > MAX_JSQLPARSER_NESTING ? Optional.empty()
                : JSqlParserKeyReader.read(sql).filter(keys -> !keys.keys().isEmpty() || !mentionsKey);
        Optional<StatementKeys> read = parsed.or(() -> DdlKeyExtractor.extract(tokens));
        if (read.isEmpty()) {
            if (mentionsKey) {
                problems.accept(Problem.warning(file, line, "cannot read this DDL statement, its unique keys are ignored: "
                        + shown(sql)));
            }
            return;
        }
        String where = line > 0 ? file + ":" + line : file;
        read.get().createdTable().ifPresent(schema::table);
        read.get().keys().forEach(key -> schema.addUnique(key.table(), key.columns(), where));
    }

    /** The statement's first line, cut short. */
    private static String shown(String sql) {
        String first = sql.lines().findFirst().orElse("").strip();
        return first.length() <= SHOWN_CHARACTERS ? first : first.substring(0, SHOWN_CHARACTERS) + "...";
    }
}
