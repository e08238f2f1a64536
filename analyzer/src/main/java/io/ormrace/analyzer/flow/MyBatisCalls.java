package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.ormrace.analyzer.code.Annotations;
import io.ormrace.analyzer.code.CodeIndex;
import io.ormrace.analyzer.code.EntityInfo;
import io.ormrace.analyzer.code.MyBatisMappers;
import io.ormrace.analyzer.schema.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls of MyBatis mapper methods: the statement mapped to the method runs with the call's arguments bound to its
 * {@code #{...}} parameters, by {@code @Param} name, parameter name, or a property of the one object passed. A select
 * returns the object a row is mapped into (MyBatis has no dirty checking: only a mapped update writes it back).
 */
final class MyBatisCalls implements ApiCalls {

    private static final Set<String> LISTS = Set.of("List", "Collection", "Set", "Iterable", "Stream", "Cursor", "Page",
            "IPage");
    private static final Set<String> SCALARS = Set.of("int", "long", "short", "byte", "double", "float", "boolean", "char",
            "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character", "String", "BigDecimal",
            "BigInteger", "UUID", "Date", "LocalDate", "LocalDateTime", "Instant", "OffsetDateTime", "Timestamp");

    /** A Generator criterion: the column, then the comparison; the longer comparisons first. */
    private static final java.util.regex.Pattern CRITERION = java.util.regex.Pattern.compile(
            "and(\\w+?)(NotEqualTo|GreaterThanOrEqualTo|LessThanOrEqualTo|EqualTo|IsNotNull|IsNull|GreaterThan|LessThan"
                    + "|NotLike|Like|NotIn|In|NotBetween|Between|LikeInsensitive)");

    @Override
    public Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver, String receiverType) {
        if (receiver instanceof Value.Example example) {
            return Optional.of(onExample(walker, call, example));
        }
        if (receiverType == null) {
            return Optional.empty();
        }
        Optional<MyBatisMappers.Statement> found = walker.context.index.myBatis().statement(receiverType, call.getNameAsString());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MyBatisMappers.Statement statement = found.get();
        List<Value> arguments = walker.arguments(call);
        Optional<MethodDeclaration> declared = walker.context.index.type(receiverType, walker.owner)
                .flatMap(entry -> entry.declaration().getMethodsByName(call.getNameAsString()).stream().findFirst());
        Bindings bindings = new Bindings(declared.map(MethodDeclaration::getParameters).map(List::copyOf).orElse(List.of()),
                arguments);
        Sql sql = Sql.parse(statement.sql());
        String how = receiverType + "." + call.getNameAsString();
        Value.Example example = arguments.stream().filter(Value.Example.class::isInstance).map(Value.Example.class::cast)
                .findFirst().orElse(null);
        if (sql.kind() == Sql.Kind.SELECT) {
            return Optional.of(select(walker, call, statement, sql, how, declared.map(MethodDeclaration::getType).orElse(null),
                    example));
        }
        String effect = "'" + JdbcCalls.abbreviate(statement.sql()) + "' by " + how;
        if (sql.kind() == Sql.Kind.INSERT) {
            arguments.stream().filter(Value.Built.class::isInstance).forEach(built -> ((Value.Built) built).inserted = true);
        }
        if (sql.kind() == Sql.Kind.INSERT && !sql.upsert() && !sql.table().isEmpty()) {
            Value.Built built = arguments.stream().filter(Value.Built.class::isInstance).map(Value.Built.class::cast)
                    .findFirst().orElse(null);
            walker.inserted(sql.table(), call, how, statement.sql().contains("(?)"), walker.tx,
                    lookup -> built == null || sameLiterals(walker.context.literalKeys.get(lookup), built));
        } else if (sql.kind() == Sql.Kind.UPDATE && !sql.table().isEmpty()) {
            update(walker, call, sql, bindings, how, effect);
        } else if (sql.kind() == Sql.Kind.UPDATE || sql.kind() == Sql.Kind.DELETE || sql.kind() == Sql.Kind.INSERT) {
            walker.effect(effect, call, null);
        }
        return Optional.of(Value.UNKNOWN);
    }

    private static Value select(MethodWalker walker, MethodCallExpr call, MyBatisMappers.Statement statement, Sql sql, String how,
            Type returned, Value.Example example) {
        if (sql.table().isEmpty()) {
            return Value.UNKNOWN;
        }
        String description = how + " (" + JdbcCalls.abbreviate(statement.sql()).replaceAll(":(\\w+)", "#{$1}") + ")";
        List<String> key = example != null ? (example.keyed ? List.copyOf(example.columns) : List.of())
                : statement.conditional() ? List.of() : sql.equalityColumns();
        if (example != null) {
            description = how + " (where " + String.join(" and ", key.stream().map(c -> c + " = ?").toList()) + ")";
        }
        Lookup lookup = key.isEmpty() ? null : walker.lookup(sql.table(), key, call, description, walker.tx);
        if (lookup != null && example != null && example.freshKey) {
            walker.byFreshKey(lookup);
        }
        if (lookup != null && example != null && !example.literals.isEmpty()) {
            walker.context.literalKeys.put(lookup, Map.copyOf(example.literals));
        }
        if (sql.lockMode() != null) {
            walker.locked(call, sql.table(), description, false, walker.tx, null);
        }
        String returnType = returned == null ? "" : CodeIndex.simpleName(returned);
        String element = elementType(returned).orElse(statement.resultType());
        EntityInfo entity = element == null || SCALARS.contains(element) ? null
                : pojo(walker, element, sql);
        RowOrigin row = walker.newRow(sql.table(), entity, call, description, lookup, walker.tx, sql.lockMode());
        row.api = RowOrigin.Api.MYBATIS;
        row.managed = false;
        row.selectedColumns = sql.selectedColumns();
        String first = sql.selectedColumns().isEmpty() ? "" : sql.selectedColumns().get(0);
        if (first.toLowerCase(java.util.Locale.ROOT).startsWith("count(")) {
            return new Value.LookupResult(lookup, returnType.equalsIgnoreCase("boolean")
                    ? Value.LookupResult.Kind.EXISTS : Value.LookupResult.Kind.COUNT, row);
        }
        if (LISTS.contains(returnType)) {
            return new Value.LookupResult(lookup, Value.LookupResult.Kind.LIST, row);
        }
        if (entity == null) {
            return first.isEmpty() ? Value.UNKNOWN : Value.Scalar.read(MethodWalker.ref(row, first));
        }
        return returnType.equals("Optional") ? new Value.Maybe(new Value.Row(row), lookup) : new Value.Row(row);
    }

    /** Whether the object inserted sets each column a lookup compared with a literal to that literal. */
    private static boolean sameLiterals(Map<String, String> literals, Value.Built built) {
        if (literals == null) {
            return true;
        }
        return literals.entrySet().stream().allMatch(literal -> built.properties.get(Names.camel(literal.getKey()))
                instanceof Value.Text text && text.text().equals(literal.getValue()));
    }

    /** {@code example.createCriteria().andNameEqualTo(name)}: the criteria are the example's own. */
    private static Value onExample(MethodWalker walker, MethodCallExpr call, Value.Example example) {
        if (walker.arguments(call).contains(Value.FreshKey.INSTANCE)) {
            example.freshKey = true;
        }
        String name = call.getNameAsString();
        java.util.regex.Matcher criterion = CRITERION.matcher(name);
        if (criterion.matches()) {
            String comparison = criterion.group(2);
            if (comparison.equals("EqualTo")) {
                example.columns.add(Names.snake(criterion.group(1)));
                if (call.getArguments().size() == 1 && call.getArgument(0) instanceof StringLiteralExpr literal) {
                    example.literals.put(Names.snake(criterion.group(1)), literal.asString());
                }
            } else if (!comparison.equals("IsNull") && !comparison.equals("IsNotNull")) {
                example.keyed = false;
            }
            return example;
        }
        if (name.equals("or")) {
            // the first or() starts the criteria as createCriteria() does; a second one, or a criteria passed, ORs
            example.keyed = example.keyed && example.columns.isEmpty() && call.getArguments().isEmpty() && !example.ored;
            example.ored = true;
            return example;
        }
        if (name.equals("createCriteria")) {
            example.ored = true;
            return example;
        }
        return name.equals("createCriteria") || name.equals("and") ? example : Value.UNKNOWN;
    }

    /**
     * The object a row is mapped into, as an entity without JPA: its properties are the columns selected (by name,
     * or under MyBatis's underscore to camel case mapping) and the fields of its class where the sources declare it.
     */
    private static EntityInfo pojo(MethodWalker walker, String type, Sql sql) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : sql.selectedColumns()) {
            if (!column.isEmpty() && !column.equals("*") && !column.contains("(")) {
                columns.put(column, column);
                columns.put(Names.camel(column), column);
            }
        }
        walker.context.index.type(type, walker.owner).ifPresent(entry -> entry.declaration().getFields().stream()
                .filter(field -> !field.isStatic())
                .flatMap(field -> field.getVariables().stream())
                .forEach(variable -> columns.putIfAbsent(variable.getNameAsString(), Names.snake(variable.getNameAsString()))));
        List<String> ids = columns.containsKey("id") ? List.of("id") : List.of();
        return new EntityInfo(type, sql.table(), Map.copyOf(columns), ids, false);
    }

    /**
     * {@code update t set c = #{c} where ...}: a column set from a value computed from the read is a lost update; set
     * from a property of an object read before ({@code update(stock)}), the changes made to it are written now.
     */
    private static void update(MethodWalker walker, MethodCallExpr call, Sql sql, Bindings bindings, String how, String effect) {
        if (CompareAndSet.guards(sql, index -> Value.UNKNOWN, name -> bindings.bind(name).value())) {
            walker.effect(effect, call, null);
            return;
        }
        Set<String> written = new java.util.HashSet<>();
        RowOrigin object = null;
        for (Map.Entry<String, String> set : sql.setFromNamedParameter().entrySet()) {
            boolean comparedInWhere = sql.whereColumns().stream().anyMatch(c -> c.equalsIgnoreCase(set.getKey()));
            if (comparedInWhere) {
                continue;
            }
            Bound bound = bindings.bind(set.getValue());
            if (bound.value() == null) {
                continue; // a property never set on the new object passed: null, or left out by a selective update
            }
            if (bound.owner() != null) {
                object = bound.owner();
                written.add(Names.key(set.getKey()));
            } else {
                walker.jdbcWrite(sql.table(), set.getKey(), bound.value(), call, how + "(...)", walker.tx);
            }
        }
        if (object != null) {
            List<RowOrigin.Change> kept = new ArrayList<>();
            for (RowOrigin.Change change : object.pending) {
                if (!written.contains(Names.key(change.column()))) {
                    kept.add(change);
                }
            }
            object.pending.removeAll(kept);
            walker.objectWritten(object, written, call, how + "(...)");
            walker.written(object, call, how + "(...)", walker.tx); // the effect of this row's own write: not repeated
            object.pending.addAll(kept);
        } else {
            walker.effect(effect, call, null);
        }
    }

    private static Optional<String> elementType(Type type) {
        if (type == null) {
            return Optional.empty();
        }
        if (type instanceof ClassOrInterfaceType classType && classType.getTypeArguments().isPresent()
                && !classType.getTypeArguments().get().isEmpty()) {
            return Optional.of(CodeIndex.simpleName(classType.getTypeArguments().get().get(0)));
        }
        return Optional.of(CodeIndex.simpleName(type));
    }

    /** A parameter's value, or the row whose property it is. */
    private record Bound(Value value, RowOrigin owner) {
    }

    /** How MyBatis binds {@code #{name}}: a {@code @Param} or parameter name, {@code param.property}, or a property. */
    private record Bindings(List<Parameter> parameters, List<Value> arguments) {

        Bound bind(String encoded) {
            String[] path = encoded.split("__");
            for (int i = 0; i < parameters.size() && i < arguments.size(); i++) {
                Parameter parameter = parameters.get(i);
                String name = Annotations.find(parameter, "Param").flatMap(a -> Annotations.string(a, "value"))
                        .orElse(parameter.getNameAsString());
                if (name.equals(path[0])) {
                    return path.length > 1 ? property(arguments.get(i), path[path.length - 1]) : new Bound(arguments.get(i), null);
                }
            }
            if (arguments.size() == 1) {
                Value only = arguments.get(0);
                return only instanceof Value.Row || only instanceof Value.Built ? property(only, path[path.length - 1])
                        : new Bound(only, null);
            }
            return new Bound(Value.UNKNOWN, null);
        }

        private static Bound property(Value object, String property) {
            if (object instanceof Value.Built built) {
                return new Bound(built.properties.get(property), null);
            }
            if (object instanceof Value.Row row && row.origin().entity != null) {
                return new Bound(Value.UNKNOWN, row.origin());
            }
            return new Bound(Value.UNKNOWN, null);
        }
    }
}
