package io.ormrace.analyzer.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Reads the unique keys a DDL statement declares with JSqlParser. Empty when JSqlParser cannot parse the statement,
 * or returns something this reader cannot use (a key column it cannot name, a statement of another kind).
 */
final class JSqlParserKeyReader {

    private JSqlParserKeyReader() {
    }

    static Optional<StatementKeys> read(String sql) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (Exception | Error e) {
            // JSqlParser also throws Errors: TokenMgrError, StackOverflowError on deep nesting
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(keysOf(statement));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The keys, or null when the statement is not usable. */
    private static StatementKeys keysOf(Statement statement) {
        if (statement instanceof CreateTable create) {
            return createTable(create);
        }
        if (statement instanceof CreateIndex create) {
            return createIndex(create);
        }
        if (statement instanceof Alter alter) {
            return alter(alter);
        }
        return null;
    }

    private static StatementKeys createTable(CreateTable create) {
        String table = Tokens.plainName(create.getTable().getName()).orElse(null);
        if (table == null) {
            return null;
        }
        List<StatementKeys.Key> keys = new ArrayList<>();
        if (create.getColumnDefinitions() != null) {
            for (ColumnDefinition column : create.getColumnDefinitions()) {
                if (!column(table, column, keys)) {
                    return null;
                }
            }
        }
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                if (isUnique(index.getType()) && !add(table, index.getColumnsNames(), keys)) {
                    return null;
                }
            }
        }
        return new StatementKeys(Optional.of(table), keys);
    }

    private static StatementKeys createIndex(CreateIndex create) {
        String table = Tokens.plainName(create.getTable().getName()).orElse(null);
        Index index = create.getIndex();
        if (table == null || index == null || !isUnique(index.getType())) {
            return null;
        }
        List<StatementKeys.Key> keys = new ArrayList<>();
        return add(table, index.getColumnsNames(), keys) ? new StatementKeys(Optional.empty(), keys) : null;
    }

    private static StatementKeys alter(Alter alter) {
        String table = Tokens.plainName(alter.getTable().getName()).orElse(null);
        if (table == null || alter.getAlterExpressions() == null) {
            return null;
        }
        List<StatementKeys.Key> keys = new ArrayList<>();
        for (AlterExpression expression : alter.getAlterExpressions()) {
            if (!alterExpression(table, expression, keys)) {
                return null;
            }
        }
        return new StatementKeys(Optional.empty(), keys);
    }

    private static boolean alterExpression(String table, AlterExpression expression, List<StatementKeys.Key> keys) {
        Index index = expression.getIndex();
        if (index != null && isUnique(index.getType())) {
            return add(table, index.getColumnsNames(), keys);
        }
        if (expression.getUkColumns() != null) {
            return add(table, expression.getUkColumns(), keys);
        }
        if (expression.getPkColumns() != null) {
            return add(table, expression.getPkColumns(), keys);
        }
        if (expression.getUk()) {
            return false;
        }
        if (expression.getColDataTypeList() != null) {
            for (ColumnDefinition column : expression.getColDataTypeList()) {
                if (!column(table, column, keys)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A column whose specs say PRIMARY KEY or UNIQUE is a key; false when it cannot be named. */
    private static boolean column(String table, ColumnDefinition column, List<StatementKeys.Key> keys) {
        List<String> specs = column.getColumnSpecs() == null ? List.of()
                : column.getColumnSpecs().stream().map(spec -> spec.toUpperCase(Locale.ROOT)).toList();
        boolean key = specs.contains("UNIQUE");
        for (int i = 0; i + 1 < specs.size(); i++) {
            key |= specs.get(i).equals("PRIMARY") && specs.get(i + 1).equals("KEY");
        }
        if (!key) {
            return true;
        }
        return add(table, List.of(column.getColumnName()), keys);
    }

    private static boolean add(String table, List<String> printedColumns, List<StatementKeys.Key> keys) {
        Optional<List<String>> columns = KeyColumns.ofPrinted(printedColumns);
        columns.ifPresent(named -> keys.add(new StatementKeys.Key(table, named)));
        return columns.isPresent();
    }

    private static boolean isUnique(String type) {
        if (type == null) {
            return false;
        }
        String upper = type.toUpperCase(Locale.ROOT);
        return upper.contains("UNIQUE") || upper.contains("PRIMARY");
    }
}
