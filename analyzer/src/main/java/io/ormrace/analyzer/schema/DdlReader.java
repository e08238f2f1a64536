package io.ormrace.analyzer.schema;

import io.ormrace.analyzer.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Reads unique keys from SQL DDL (Flyway migrations, {@code schema.sql}): primary keys, {@code unique} columns and
 * constraints, unique indexes, and {@code alter table ... add} of either. A statement JSqlParser cannot read is
 * reported and skipped; the rest of the file still counts.
 */
public final class DdlReader {

    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(\\r?\\n|$)");
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern INTERESTING = Pattern.compile("^\\s*(create|alter)\\b", Pattern.CASE_INSENSITIVE);

    private final Schema schema;
    private final Consumer<Problem> problems;

    public DdlReader(Schema schema, Consumer<Problem> problems) {
        this.schema = schema;
        this.problems = problems;
    }

    public void read(String file, String sql) {
        String text = BLOCK_COMMENT.matcher(sql).replaceAll(" ");
        int line = 1;
        int start = 0;
        Matcher end = STATEMENT_END.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (end.find()) {
            spans.add(new int[] {start, end.start()});
            start = end.end();
        }
        if (start < text.length()) {
            spans.add(new int[] {start, text.length()});
        }
        for (int[] span : spans) {
            String raw = text.substring(span[0], span[1]);
            int statementLine = line + countLines(raw.substring(0, raw.length() - raw.stripLeading().length()));
            line += countLines(text.substring(span[0], Math.min(text.length(), span[1] + 1)));
            String statement = LINE_COMMENT.matcher(raw).replaceAll(" ").strip();
            if (statement.isEmpty() || !INTERESTING.matcher(statement).find()) {
                continue;
            }
            readStatement(file, statementLine, statement);
        }
    }

    private static int countLines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private void readStatement(String file, int line, String sql) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (Exception | Error e) {
            String lower = sql.toLowerCase(Locale.ROOT);
            if (lower.contains("unique") || lower.contains("primary key")) {
                problems.accept(Problem.warning(file, line, "cannot read this DDL statement, its unique keys are ignored: "
                        + firstLine(e.getMessage())));
            }
            return;
        }
        String where = file + ":" + line;
        if (statement instanceof CreateTable create) {
            readCreateTable(create, where);
        } else if (statement instanceof CreateIndex index && index.getIndex().getType() != null
                && index.getIndex().getType().toUpperCase(Locale.ROOT).contains("UNIQUE")) {
            schema.addUnique(index.getTable().getName(), index.getIndex().getColumnsNames(), where);
        } else if (statement instanceof Alter alter && alter.getAlterExpressions() != null) {
            for (AlterExpression expression : alter.getAlterExpressions()) {
                readAlter(alter.getTable().getName(), expression, where);
            }
        }
    }

    private void readCreateTable(CreateTable create, String where) {
        String table = create.getTable().getName();
        schema.table(table);
        if (create.getColumnDefinitions() != null) {
            for (ColumnDefinition column : create.getColumnDefinitions()) {
                String specs = column.getColumnSpecs() == null ? "" : String.join(" ", column.getColumnSpecs()).toUpperCase(Locale.ROOT);
                if (specs.contains("PRIMARY KEY") || specs.matches(".*\\bUNIQUE\\b.*")) {
                    schema.addUnique(table, List.of(column.getColumnName()), where);
                }
            }
        }
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                if (isUnique(index.getType())) {
                    schema.addUnique(table, index.getColumnsNames(), where);
                }
            }
        }
    }

    private void readAlter(String table, AlterExpression expression, String where) {
        Index index = expression.getIndex();
        if (index != null && isUnique(index.getType())) {
            schema.addUnique(table, index.getColumnsNames(), where);
        } else if (expression.getUk() || expression.getUkColumns() != null) {
            if (expression.getUkColumns() != null) {
                schema.addUnique(table, expression.getUkColumns(), where);
            }
        } else if (expression.getPkColumns() != null) {
            schema.addUnique(table, expression.getPkColumns(), where);
        }
    }

    private static boolean isUnique(String type) {
        if (type == null) {
            return false;
        }
        String upper = type.toUpperCase(Locale.ROOT);
        return upper.contains("UNIQUE") || upper.contains("PRIMARY");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
