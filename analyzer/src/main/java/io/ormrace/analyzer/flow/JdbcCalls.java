package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plain JDBC ({@code DataSource}, {@code Connection}, {@code PreparedStatement}, {@code ResultSet}) and Spring's
 * {@code JdbcTemplate}/{@code NamedParameterJdbcTemplate}: the SQL text is followed from where it is written to where
 * it runs, and the parameters bound to it.
 */
final class JdbcCalls implements ApiCalls {

    private static final Set<String> TEMPLATE_TYPES = Set.of("JdbcTemplate", "JdbcOperations", "NamedParameterJdbcTemplate",
            "NamedParameterJdbcOperations");
    private static final Set<String> EXECUTES = Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch");

    @Override
    public Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver, String receiverType) {
        String name = call.getNameAsString();
        if (receiver instanceof Value.Connection connection) {
            return Optional.of(onConnection(walker, call, connection, name));
        }
        if (receiver instanceof Value.Statement statement) {
            return Optional.of(onStatement(walker, call, statement, name));
        }
        if (receiver instanceof Value.Result result) {
            return Optional.of(onResultSet(walker, call, result, name));
        }
        if ("DataSource".equals(receiverType) || (receiverType == null && receiver instanceof Value.Unknown
                && name.equals("getConnection") && call.getArguments().isEmpty() && call.getScope().isPresent()
                && call.getScope().get().toString().toLowerCase().contains("datasource"))) {
            walker.arguments(call);
            return Optional.of(name.equals("getConnection") ? new Value.Connection(true) : Value.UNKNOWN);
        }
        if (receiverType != null && TEMPLATE_TYPES.contains(receiverType)) {
            return Optional.of(onTemplate(walker, call, name));
        }
        return Optional.empty();
    }

    private static Value onConnection(MethodWalker walker, MethodCallExpr call, Value.Connection connection, String name) {
        List<Value> arguments = walker.arguments(call);
        switch (name) {
            case "setAutoCommit" -> {
                if (arguments.size() != 1) {
                    return Value.UNKNOWN;
                }
                boolean on = call.getArgument(0).isBooleanLiteralExpr() && call.getArgument(0).asBooleanLiteralExpr().getValue();
                connection.autocommitKnown = true;
                connection.transaction = on ? null : new TxScope("JDBC transaction", connection.serializable, false);
            }
            case "commit", "rollback" -> {
                if (arguments.isEmpty() && connection.transaction != null) {
                    connection.transaction = new TxScope("JDBC transaction", connection.serializable, false);
                }
            }
            case "setTransactionIsolation" -> {
                if (arguments.size() != 1) {
                    return Value.UNKNOWN;
                }
                connection.serializable = call.getArgument(0).toString().endsWith("SERIALIZABLE");
                if (connection.transaction != null) {
                    connection.transaction = new TxScope("JDBC transaction", connection.serializable, false);
                }
            }
            case "setSavepoint" -> {
                walker.flow.savepoint = true;
                return new Value.Savepoint();
            }
            case "prepareStatement", "prepareCall" -> {
                if (arguments.isEmpty()) {
                    return Value.UNKNOWN;
                }
                Value.Statement statement = new Value.Statement(arguments.get(0) instanceof Value.Text text ? text.text() : null, connection);
                if (arguments.get(0) instanceof Value.Text text) {
                    statement.parameters.putAll(text.spliced()); // values concatenated into the SQL
                }
                return statement;
            }
            case "createStatement" -> {
                return new Value.Statement(null, connection);
            }
            default -> {
            }
        }
        return Value.UNKNOWN;
    }

    private static Value onStatement(MethodWalker walker, MethodCallExpr call, Value.Statement statement, String name) {
        List<Value> arguments = walker.arguments(call);
        if (name.startsWith("set") && arguments.size() >= 2 && call.getArgument(0) instanceof IntegerLiteralExpr index) {
            Literals.intValue(index).ifPresent(i -> statement.parameters.put(i, arguments.get(1)));
            return Value.UNKNOWN;
        }
        if (name.startsWith("set") && arguments.size() >= 2 && !name.equals("setMaxRows") && !name.equals("setFetchSize")
                && !name.equals("setQueryTimeout")) {
            // an index counted up (i++, index.getAndIncrement()): parameters are bound in the order they are given
            int next = 1;
            while (statement.parameters.containsKey(next)) {
                next++;
            }
            statement.parameters.put(next, arguments.get(1));
            return Value.UNKNOWN;
        }
        String sql = !arguments.isEmpty() && arguments.get(0) instanceof Value.Text text ? text.text() : statement.sql;
        if (sql == null) {
            return Value.UNKNOWN;
        }
        Value.Connection connection = statement.connection;
        TxScope tx = connection.transaction;
        if (name.equals("executeQuery") || (name.equals("execute") && Sql.parse(sql).kind() == Sql.Kind.SELECT)) {
            Sql select = Sql.parse(sql);
            if (select.kind() != Sql.Kind.SELECT || select.table().isEmpty()) {
                return Value.UNKNOWN;
            }
            if (select.lockMode() != null && connection.autocommitKnown && connection.transaction == null) {
                walker.lockedInAutocommit(call, select.table(), "'" + abbreviate(sql) + "'");
            }
            Lookup lookup = select.equalityColumns().isEmpty() ? null
                    : walker.lookup(select.table(), select.equalityColumns(), call, abbreviate(sql), tx);
            RowOrigin row = walker.newRow(select.table(), null, call, abbreviate(sql), lookup, tx, select.lockMode());
            row.selectedColumns = select.selectedColumns();
            return new Value.Result(row);
        }
        if (EXECUTES.contains(name)) {
            Map<Integer, Value> parameters = statement.parameters;
            if (!arguments.isEmpty() && arguments.get(0) instanceof Value.Text text && !text.spliced().isEmpty()) {
                parameters = new java.util.HashMap<>(statement.parameters);
                parameters.putAll(text.spliced()); // statement.executeUpdate("update ... set qty = " + qty + ...)
            }
            modify(walker, call, Sql.parse(sql), sql, parameters, tx, name.contains("Batch"));
        }
        return Value.UNKNOWN;
    }

    private static Value onResultSet(MethodWalker walker, MethodCallExpr call, Value.Result result, String name) {
        List<Value> arguments = walker.arguments(call);
        RowOrigin row = result.origin();
        if (name.equals("next") || name.equals("first")) {
            return row.lookup == null ? Value.UNKNOWN : new Value.Presence(row.lookup, true);
        }
        if (name.startsWith("get") && arguments.size() == 1) {
            String column = null;
            if (call.getArgument(0) instanceof IntegerLiteralExpr index) {
                int i = Literals.intValue(index).orElse(0) - 1;
                column = i >= 0 && i < row.selectedColumns.size() && !row.selectedColumns.get(i).isEmpty()
                        ? row.selectedColumns.get(i) : null;
            } else if (call.getArgument(0) instanceof StringLiteralExpr label) {
                column = label.asString();
            }
            if (column != null && row.lookup != null && column.toLowerCase().startsWith("count(")) {
                return new Value.LookupResult(row.lookup, Value.LookupResult.Kind.COUNT, row); // select count(*) ... where
            }
            return column == null ? Value.UNKNOWN : Value.Scalar.read(MethodWalker.ref(row, column));
        }
        return Value.UNKNOWN;
    }

    private static Value onTemplate(MethodWalker walker, MethodCallExpr call, String name) {
        List<Value> arguments = walker.arguments(call);
        if (arguments.isEmpty() || !(arguments.get(0) instanceof Value.Text text)) {
            return Value.UNKNOWN;
        }
        Sql sql = Sql.parse(text.text());
        if (sql.kind() == Sql.Kind.SELECT && !sql.table().isEmpty()) {
            if (sql.lockMode() != null) {
                walker.locked(call, sql.table(), "'" + abbreviate(text.text()) + "'", false, walker.tx, null);
            }
            Lookup lookup = sql.equalityColumns().isEmpty() ? null
                    : walker.lookup(sql.table(), sql.equalityColumns(), call, abbreviate(text.text()), walker.tx);
            RowOrigin row = walker.newRow(sql.table(), null, call, abbreviate(text.text()), lookup, walker.tx, sql.lockMode());
            row.selectedColumns = sql.selectedColumns();
            if (name.startsWith("queryForList") || name.equals("query") || name.equals("queryForStream")) {
                List<String> columns = sql.selectedColumns().stream()
                        .filter(c -> !c.isEmpty() && !Sql.isAggregate(c)).toList();
                if (lookup == null && !columns.isEmpty()) {
                    Lookup loaded = walker.lookup(sql.table(), columns, call, abbreviate(text.text()), walker.tx);
                    walker.context.loadedTables.add(loaded);
                    return new Value.LoadedTable(loaded);
                }
                return new Value.LookupResult(lookup, Value.LookupResult.Kind.LIST, row);
            }
            if (name.equals("queryForObject") && !sql.selectedColumns().isEmpty() && !sql.selectedColumns().get(0).isEmpty()) {
                String column = sql.selectedColumns().get(0);
                if (column.toLowerCase().startsWith("count(")) {
                    return new Value.LookupResult(lookup, Value.LookupResult.Kind.COUNT, row);
                }
                return Value.Scalar.read(MethodWalker.ref(row, column));
            }
            return new Value.Row(row);
        }
        if (name.equals("update") || name.equals("batchUpdate")) {
            Map<Integer, Value> parameters = new java.util.HashMap<>(text.spliced());
            int next = 1;
            for (int i = 1; i < arguments.size(); i++) {
                while (parameters.containsKey(next)) {
                    next++;
                }
                parameters.put(next++, arguments.get(i));
            }
            modify(walker, call, sql, text.text(), parameters, walker.tx, name.equals("batchUpdate"));
        }
        return Value.UNKNOWN;
    }

    /** An insert (get-or-create's second half) or an update (maybe a lost update's write). */
    private static void modify(MethodWalker walker, MethodCallExpr call, Sql sql, String text, Map<Integer, Value> parameters,
            TxScope tx, boolean bulk) {
        if (sql.kind() == Sql.Kind.UPDATE || sql.kind() == Sql.Kind.DELETE || (sql.kind() == Sql.Kind.INSERT && sql.upsert())) {
            walker.effect("'" + abbreviate(text) + "'", call, null);
        }
        if (sql.kind() == Sql.Kind.INSERT && !sql.upsert() && !sql.table().isEmpty()) {
            walker.inserted(sql.table(), call, "'" + abbreviate(text) + "'", bulk, tx);
        } else if (sql.kind() == Sql.Kind.UPDATE) {
            boolean versionChecked = CompareAndSet.guards(sql, index -> parameters.getOrDefault(index, Value.UNKNOWN),
                    name -> Value.UNKNOWN);
            for (Map.Entry<String, Integer> set : sql.setFromParameter().entrySet()) {
                boolean comparedInWhere = sql.whereColumns().stream().anyMatch(c -> c.equalsIgnoreCase(set.getKey()));
                if (!versionChecked && !comparedInWhere) {
                    walker.jdbcWrite(sql.table(), set.getKey(), parameters.getOrDefault(set.getValue(), Value.UNKNOWN),
                            call, "'" + abbreviate(text) + "'", tx);
                }
            }
        }
    }

    static String abbreviate(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 100 ? flat : flat.substring(0, 97) + "...";
    }
}
