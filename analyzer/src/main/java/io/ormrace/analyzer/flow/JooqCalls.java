package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.ormrace.analyzer.schema.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * jOOQ's DSL, with the classes jOOQ generates ({@code STOCK} for the table, {@code STOCK.QUANTITY} for its column):
 * {@code dsl.selectFrom(T).where(T.C.eq(x)).fetchOne()} is a lookup by C, {@code dsl.insertInto(T)...execute()} an
 * insert, {@code dsl.update(T).set(T.C, v).where(...).execute()} a write of C, {@code T.C.plus(1)} a value computed by
 * the database, {@code forUpdate()} a lock, {@code onConflictDoNothing()} an upsert.
 */
final class JooqCalls implements ApiCalls {

    private static final Set<String> CONTEXT_TYPES = Set.of("DSLContext");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> ARITHMETIC = Set.of("plus", "add", "minus", "sub", "subtract", "mul", "multiply", "div",
            "divide", "neg", "coalesce");
    private static final Set<String> FETCHES = Set.of("fetchOne", "fetchOptional", "fetchAny", "fetchSingle", "fetchOneInto",
            "fetchOptionalInto", "fetchAnyInto", "fetchSingleInto", "fetch", "fetchInto", "fetchValue", "fetchStream");

    /** A query being built: its table, the columns its where clause compares with a value, what it sets. */
    static final class Query implements Value {
        final Sql.Kind kind;
        String table;
        final List<String> columns = new ArrayList<>();
        final Map<String, Value> compared = new LinkedHashMap<>();
        final List<String> insertColumns = new ArrayList<>();
        final Map<String, Expression> set = new LinkedHashMap<>();
        final Map<String, Value> setValues = new LinkedHashMap<>();
        boolean keyed = true;
        boolean locked;
        boolean upsert;
        boolean counts;
        String selected;

        Query(Sql.Kind kind, String table) {
            this.kind = kind;
            this.table = table;
        }
    }

    @Override
    public Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver, String receiverType) {
        String name = call.getNameAsString();
        if (receiver instanceof Value.Row row) {
            return onRecord(walker, call, row);
        }
        if (receiver instanceof Query query) {
            return Optional.of(onQuery(walker, call, query, name));
        }
        if (receiverType == null || !CONTEXT_TYPES.contains(receiverType)) {
            return Optional.empty();
        }
        String table = call.getArguments().isEmpty() ? null : table(call.getArgument(0));
        switch (name) {
            case "selectFrom" -> {
                return Optional.of(table == null ? Value.UNKNOWN : new Query(Sql.Kind.SELECT, table));
            }
            case "select", "selectDistinct" -> {
                Query query = new Query(Sql.Kind.SELECT, null);
                if (!call.getArguments().isEmpty()) {
                    Expression first = call.getArgument(0);
                    query.counts = first instanceof MethodCallExpr count && count.getNameAsString().equals("count");
                    String[] field = field(first);
                    if (field != null) {
                        query.table = field[0];
                        query.selected = field[1];
                    }
                }
                return Optional.of(query);
            }
            case "selectCount", "selectOne" -> {
                Query query = new Query(Sql.Kind.SELECT, null);
                query.counts = true;
                return Optional.of(query);
            }
            case "insertInto" -> {
                if (table == null) {
                    return Optional.of(Value.UNKNOWN);
                }
                Query insert = new Query(Sql.Kind.INSERT, table);
                call.getArguments().stream().skip(1).map(JooqCalls::field)
                        .forEach(field -> insert.insertColumns.add(field == null ? "" : field[1]));
                return Optional.of(insert);
            }
            case "update" -> {
                return Optional.of(table == null ? Value.UNKNOWN : new Query(Sql.Kind.UPDATE, table));
            }
            case "deleteFrom", "delete" -> {
                return Optional.of(table == null ? Value.UNKNOWN : new Query(Sql.Kind.DELETE, table));
            }
            case "fetchExists", "fetchCount", "fetchOne", "fetchOptional", "fetchAny", "fetchSingle" -> {
                Value argument = call.getArguments().isEmpty() ? Value.UNKNOWN : walker.eval(call.getArgument(0));
                Query query = argument instanceof Query given ? given : table == null ? null : new Query(Sql.Kind.SELECT, table);
                if (query == null) {
                    return Optional.of(Value.UNKNOWN);
                }
                if (!(argument instanceof Query)) {
                    call.getArguments().stream().skip(1).forEach(condition -> where(walker, query, condition));
                }
                query.counts |= name.equals("fetchCount");
                String fetch = name.equals("fetchExists") ? "exists" : name;
                return Optional.of(fetch(walker, call, query, fetch));
            }
            case "transaction", "transactionResult" -> {
                TxScope scope = walker.tx != null ? walker.tx : new TxScope("DSLContext." + name, false, false);
                return Optional.of(TransactionCalls.runIn(walker, call, scope));
            }
            case "fetchValue" -> {
                Value argument = call.getArguments().isEmpty() ? Value.UNKNOWN : walker.eval(call.getArgument(0));
                return Optional.of(argument instanceof Query query ? fetch(walker, call, query, "fetchOne") : Value.UNKNOWN);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Value onQuery(MethodWalker walker, MethodCallExpr call, Query query, String name) {
        switch (name) {
            case "from" -> {
                String table = call.getArguments().isEmpty() ? null : table(call.getArgument(0));
                if (table != null) {
                    query.table = table;
                }
                return query;
            }
            case "where", "and" -> {
                call.getArguments().forEach(condition -> where(walker, query, condition));
                return query;
            }
            case "or", "orNot", "andNot", "whereNotExists", "whereExists" -> {
                walker.arguments(call);
                query.keyed = false;
                return query;
            }
            case "forUpdate", "forNoKeyUpdate" -> {
                query.locked = true;
                return query;
            }
            case "set" -> {
                if (call.getArguments().size() == 2) {
                    String[] field = field(call.getArgument(0));
                    Value value = walker.eval(call.getArgument(1));
                    if (field != null) {
                        query.set.put(field[1], call.getArgument(1));
                        query.setValues.put(field[1], value);
                    }
                } else {
                    walker.arguments(call);
                }
                return query;
            }
            case "values" -> {
                List<Value> values = walker.arguments(call);
                for (int i = 0; i < values.size() && i < query.insertColumns.size(); i++) {
                    query.setValues.put(query.insertColumns.get(i), values.get(i));
                }
                return query;
            }
            case "onConflictDoNothing", "onDuplicateKeyIgnore", "onDuplicateKeyUpdate", "doNothing", "doUpdate" -> {
                query.upsert = true;
                return query;
            }
            case "onConflict", "onConflictOnConstraint", "doUpdate_", "returning", "returningResult", "limit", "orderBy",
                    "noWait", "skipLocked", "wait", "of" -> {
                walker.arguments(call);
                return query;
            }
            case "execute" -> {
                execute(walker, call, query);
                return Value.UNKNOWN;
            }
            default -> {
                if (FETCHES.contains(name) && query.kind == Sql.Kind.SELECT) {
                    return fetch(walker, call, query, name);
                }
                if (FETCHES.contains(name)) {
                    execute(walker, call, query); // insertInto(T).set(...).returning(T.ID).fetchOne(): runs here
                    return Value.UNKNOWN;
                }
                if (name.equals("isEmpty") || name.equals("isNotEmpty")) {
                    return Value.UNKNOWN;
                }
                walker.arguments(call);
                return query.kind == Sql.Kind.SELECT ? query : Value.UNKNOWN;
            }
        }
    }

    /** A condition of the where clause: {@code T.C.eq(x)} (or {@code equal}) keys the lookup by C; anything else does not. */
    private static void where(MethodWalker walker, Query query, Expression condition) {
        if (condition instanceof MethodCallExpr call && (call.getNameAsString().equals("and"))
                && call.getScope().isPresent() && call.getArguments().size() == 1) {
            where(walker, query, call.getScope().get());
            where(walker, query, call.getArgument(0));
            return;
        }
        if (condition instanceof MethodCallExpr call && (call.getNameAsString().equals("eq") || call.getNameAsString().equals("equal"))
                && call.getScope().isPresent() && call.getArguments().size() == 1) {
            String[] field = field(call.getScope().get());
            if (field != null) {
                query.columns.add(field[1]);
                query.compared.put(field[1], walker.eval(call.getArgument(0)));
                return;
            }
        }
        if (condition instanceof MethodCallExpr call && (call.getNameAsString().equals("isNull")
                || call.getNameAsString().equals("isNotNull") || call.getNameAsString().equals("isFalse")
                || call.getNameAsString().equals("isTrue"))) {
            return; // a soft-delete filter: still a lookup by the other columns
        }
        walker.eval(condition);
        query.keyed = false;
    }

    private static Value fetch(MethodWalker walker, MethodCallExpr call, Query query, String name) {
        if (query.table == null) {
            walker.arguments(call);
            return Value.UNKNOWN;
        }
        String description = describe(query);
        List<String> key = query.keyed ? List.copyOf(query.columns) : List.of();
        Lookup lookup = key.isEmpty() ? null : walker.lookup(query.table, key, call, description, walker.tx);
        if (query.locked) {
            walker.locked(call, query.table, description, false, walker.tx, null);
        }
        RowOrigin row = walker.newRow(query.table, null, call, description, lookup, walker.tx,
                query.locked ? "PESSIMISTIC_WRITE" : null);
        row.api = RowOrigin.Api.JOOQ;
        row.managed = false; // a record is written by its store() or update(), not at commit
        if (name.equals("exists")) {
            return lookup == null ? Value.UNKNOWN : new Value.Presence(lookup, true);
        }
        if (query.counts || name.equals("fetchCount")) {
            return new Value.LookupResult(lookup, Value.LookupResult.Kind.COUNT, row);
        }
        String[] fetched = call.getArguments().size() == 1 ? field(call.getArgument(0)) : null;
        String column = fetched != null ? fetched[1] : query.selected;
        if (column != null && !name.equals("fetch") && !name.equals("fetchInto")) {
            return Value.Scalar.read(MethodWalker.ref(row, column));
        }
        if (name.equals("fetch") || name.equals("fetchInto") || name.equals("fetchStream")) {
            return new Value.LookupResult(lookup, Value.LookupResult.Kind.LIST, row);
        }
        if (name.startsWith("fetchOptional")) {
            return new Value.Maybe(new Value.Row(row), lookup);
        }
        if (name.startsWith("fetchSingle")) {
            walker.throwsWhenAbsent(lookup);
        }
        return new Value.Row(row);
    }

    private static void execute(MethodWalker walker, MethodCallExpr call, Query query) {
        String description = describe(query);
        switch (query.kind) {
            case INSERT -> {
                walker.effect(description, call, null);
                if (!query.upsert) {
                    walker.inserted(query.table, call, description, false, walker.tx);
                }
            }
            case UPDATE -> {
                walker.effect(description, call, null);
                for (Map.Entry<String, Value> set : query.setValues.entrySet()) {
                    String column = set.getKey();
                    if (computedByTheDatabase(query.set.get(column)) || comparedAsRead(query)
                            || query.columns.contains(column)) {
                        continue;
                    }
                    walker.jdbcWrite(query.table, column, set.getValue(), call, description, walker.tx);
                }
            }
            case DELETE -> walker.effect(description, call, null);
            default -> {
            }
        }
    }

    /** {@code T.C.plus(1)}: the new value is computed from the column's current one, in the statement. */
    private static boolean computedByTheDatabase(Expression value) {
        return value instanceof MethodCallExpr call && ARITHMETIC.contains(call.getNameAsString()) && call.getScope().isPresent()
                && field(call.getScope().get()) != null;
    }

    /**
     * A compare-and-set: the where clause compares a version column, or a column other than the row's identity with
     * exactly the value read from it ({@code UPDATED_AT.eq(read.getUpdatedAt())}).
     */
    private static boolean comparedAsRead(Query query) {
        for (Map.Entry<String, Value> compared : query.compared.entrySet()) {
            String column = compared.getKey();
            if (column.equals("version")) {
                return true;
            }
            boolean identity = column.equals("id") || column.endsWith("_id");
            if (!identity && compared.getValue() instanceof Value.Scalar scalar && scalar.copy()
                    && scalar.sources().stream().anyMatch(ref -> ref.column().equals(Names.key(column)))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Query query) {
        String verb = switch (query.kind) {
            case SELECT -> "select from ";
            case INSERT -> "insert into ";
            case UPDATE -> "update ";
            case DELETE -> "delete from ";
            default -> "";
        };
        String where = query.columns.isEmpty() ? "" : " where " + String.join(" and ", query.columns.stream().map(c -> c + " = ?").toList());
        return "jOOQ " + verb + query.table + where;
    }

    /** {@code STOCK} or {@code Tables.STOCK}: the table jOOQ generated a constant for. */
    static String table(Expression expression) {
        if (expression instanceof NameExpr name && CONSTANT.matcher(name.getNameAsString()).matches()) {
            return name.getNameAsString().toLowerCase();
        }
        if (expression instanceof FieldAccessExpr access && CONSTANT.matcher(access.getNameAsString()).matches()
                && access.getScope() instanceof NameExpr scope && !CONSTANT.matcher(scope.getNameAsString()).matches()) {
            return access.getNameAsString().toLowerCase();
        }
        if (expression instanceof MethodCallExpr call && call.getNameAsString().equals("as") && call.getScope().isPresent()) {
            return table(call.getScope().get());
        }
        String name = named(expression, "table");
        if (name != null) {
            return name.substring(name.lastIndexOf('.') + 1).toLowerCase(); // DSL.table("stock"), without code generation
        }
        return null;
    }

    /** The name in {@code DSL.table("stock")} or {@code DSL.field("quantity", Integer.class)}, for the method given. */
    private static String named(Expression expression, String method) {
        if (expression instanceof MethodCallExpr call && call.getNameAsString().equals(method) && !call.getArguments().isEmpty()
                && call.getArgument(0) instanceof com.github.javaparser.ast.expr.StringLiteralExpr literal
                && (call.getScope().isEmpty() || call.getScope().get().toString().equals("DSL"))) {
            return literal.asString();
        }
        return null;
    }

    /**
     * {@code STOCK.QUANTITY} (or {@code Tables.STOCK.QUANTITY}): the table and the column; {@code DSL.field("quantity")}
     * names a column of the query's table ({@code field("stock.quantity")} of that table).
     */
    static String[] field(Expression expression) {
        String name = named(expression, "field");
        if (name != null) {
            int dot = name.lastIndexOf('.');
            return new String[] {dot < 0 ? null : name.substring(0, dot).toLowerCase(), name.substring(dot + 1).toLowerCase()};
        }
        if (expression instanceof FieldAccessExpr access && CONSTANT.matcher(access.getNameAsString()).matches()) {
            String table = table(access.getScope());
            if (table != null) {
                return new String[] {table, access.getNameAsString().toLowerCase()};
            }
        }
        return null;
    }

    /**
     * A record fetched by jOOQ: {@code record.get(T.C)}, {@code record.getC()} and {@code record.value1()} read its columns,
     * {@code record.set(T.C, v)} and {@code record.setC(v)} change them, and {@code store()} or {@code update()} writes the
     * changes.
     */
    static Optional<Value> onRecord(MethodWalker walker, MethodCallExpr call, Value.Row row) {
        if (row.origin().api() != RowOrigin.Api.JOOQ) {
            return Optional.empty();
        }
        String name = call.getNameAsString();
        if ((name.equals("get") || name.equals("getValue")) && call.getArguments().size() >= 1) {
            String[] field = field(call.getArgument(0));
            walker.arguments(call);
            return Optional.of(field == null ? Value.UNKNOWN : Value.Scalar.read(MethodWalker.ref(row.origin(), field[1])));
        }
        if (name.startsWith("get") && name.length() > 3 && call.getArguments().isEmpty()) {
            return Optional.of(Value.Scalar.read(MethodWalker.ref(row.origin(), Names.snake(name.substring(3)))));
        }
        if (name.startsWith("set") && name.length() > 3 && call.getArguments().size() == 1) {
            // a generated record's setter: setLabelCount is LABEL_COUNT, as its getter is
            walker.change(row, Names.snake(name.substring(3)), walker.eval(call.getArgument(0)), call);
            return Optional.of(Value.UNKNOWN);
        }
        if ((name.equals("set") || name.equals("setValue") || name.equals("with")) && call.getArguments().size() == 2) {
            String[] field = field(call.getArgument(0));
            Value value = walker.eval(call.getArgument(1));
            if (field != null) {
                walker.change(row, field[1], value, call);
            }
            return Optional.of(name.equals("with") ? row : Value.UNKNOWN);
        }
        if ((name.equals("store") || name.equals("update")) && call.getArguments().isEmpty()) {
            walker.writtenWhole(row.origin(), call, "jOOQ " + name + "() of the " + row.origin().describe() + " record");
            return Optional.of(Value.UNKNOWN);
        }
        return Optional.empty();
    }
}
