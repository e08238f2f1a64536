package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.expr.MethodCallExpr;
import io.ormrace.analyzer.code.EntityInfo;
import io.ormrace.analyzer.code.RepositoryInfo;
import io.ormrace.analyzer.code.RepositoryMethod;
import io.ormrace.analyzer.schema.Names;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Data repositories: the inherited CRUD methods ({@code findById}, {@code save}, {@code saveAll}...) and the
 * declared ones (derived queries, {@code @Query}, {@code @Lock}, {@code @Modifying}).
 */
final class SpringDataCalls implements ApiCalls {

    private static final Set<String> SAVES = Set.of("save", "saveAndFlush", "persist", "persistAndFlush", "insert", "update", "merge");
    private static final Set<String> SAVE_ALLS = Set.of("saveAll", "saveAllAndFlush", "persistAll", "insertAll");
    private static final Set<String> REFERENCES = Set.of("getById", "getReferenceById", "getOne");
    private static final Set<String> INHERITED = Set.of("save", "saveAndFlush", "saveAll", "saveAllAndFlush", "getById",
            "getReferenceById", "getOne", "findOne", "existsById");

    @Override
    public Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver, String receiverType) {
        if (receiverType == null) {
            return Optional.empty();
        }
        Optional<RepositoryInfo> repository = walker.context.index.repository(receiverType, walker.owner);
        if (repository.isEmpty()) {
            return Optional.empty();
        }
        RepositoryInfo repo = repository.get();
        EntityInfo entity = walker.context.index.entityOf(repo).orElse(null);
        String table = entity != null ? entity.table() : Names.snake(repo.entity());
        String name = call.getNameAsString();
        if (repo.method(name).isEmpty() && walker.fragmentOf(receiverType, call).isPresent()) {
            return Optional.empty(); // a custom fragment's method (XRepositoryCustom, XRepositoryImpl): walked into as a bean's
        }
        List<Value> arguments = walker.arguments(call);
        String where = repo.name() + "." + name;

        // a CRUD method redeclared without a query of its own (save, to annotate it) does what the inherited one does
        Optional<RepositoryMethod> declared = repo.method(name, call.getArguments().size()).filter(method -> method.kind() != RepositoryMethod.Kind.OTHER
                || method.query().isPresent() || !INHERITED.contains(name));
        if (declared.isPresent()) {
            return Optional.of(declaredMethod(walker, call, declared.get(), entity, table, where));
        }
        if (SAVES.contains(name) && arguments.size() == 1) {
            Value saved = arguments.get(0);
            if (saved instanceof Value.Fresh fresh) {
                walker.insertedFresh(fresh, table, call, where + "(new " + repo.entity() + "(...))", walker.tx);
            } else if (saved instanceof Value.Unknown && walker.knownAbsent(table)) {
                // made where the sources do not show (a builder of a library, a mapper): new, since none was found
                walker.inserted(table, call, where + "(...)", false, walker.tx);
            } else if (saved instanceof Value.Row row) {
                walker.written(row.origin(), call, where + "(...)", walker.tx);
            }
            return Optional.of(saved);
        }
        if (SAVE_ALLS.contains(name)) {
            Value saved = arguments.isEmpty() ? Value.UNKNOWN : arguments.get(0);
            if (saved instanceof Value.LookupResult loaded && loaded.rows() != null) {
                walker.written(loaded.rows(), call, where + "(...)", walker.tx);
            } else if (!(saved instanceof Value.LookupResult || saved instanceof Value.LoadedTable || saved instanceof Value.Row)) {
                walker.inserted(table, call, where + "(...)", true, walker.tx);
            }
            return Optional.of(Value.UNKNOWN);
        }
        List<String> id = entity != null ? entity.idColumns() : List.of("id");
        return switch (name) {
            case "findById" -> Optional.of(read(walker, call, entity, table, id, Optional.empty(), where, "Optional", false));
            // Spring Data 1.x: the row or null; findOne(Example) of later versions looks up by no key
            case "findOne" -> Optional.of(arguments.size() == 1 && !(arguments.get(0) instanceof Value.Unknown
                    && call.getArgument(0).toString().toLowerCase(java.util.Locale.ROOT).contains("example"))
                    ? read(walker, call, entity, table, id, Optional.empty(), where, "T", false) : Value.UNKNOWN);
            case "existsById" -> Optional.of(new Value.LookupResult(
                    walker.lookup(table, id, call, where, walker.tx), Value.LookupResult.Kind.EXISTS, null));
            case "findAll", "findAllById" -> Optional.of(Value.UNKNOWN);
            default -> REFERENCES.contains(name)
                    ? Optional.of(new Value.Row(springData(walker.newRow(table, entity, call, where, null, walker.tx, null))))
                    : Optional.of(Value.UNKNOWN);
        };
    }

    private static RowOrigin springData(RowOrigin row) {
        row.api = RowOrigin.Api.SPRING_DATA;
        return row;
    }

    private static Value declaredMethod(MethodWalker walker, MethodCallExpr call, RepositoryMethod method, EntityInfo entity,
            String table, String where) {
        List<String> columns = columns(method.lookupColumns(), entity);
        Optional<String> max = method.query().flatMap(MaxQuery::column);
        if (max.isPresent() && !method.modifying()) {
            String column = entity != null ? entity.pathColumn(max.get()).orElse(max.get()) : max.get();
            return new Value.MaxOf(walker.lookup(table, columns, call, where, walker.tx), column);
        }
        return switch (method.kind()) {
            case UPDATE -> {
                walker.effect(where + "(...)", call, null);
                yield Value.UNKNOWN;
            }
            case OTHER -> Value.UNKNOWN;
            case EXISTS -> new Value.LookupResult(walker.lookup(table, columns, call, where, walker.tx),
                    Value.LookupResult.Kind.EXISTS, null);
            case COUNT -> new Value.LookupResult(walker.lookup(table, columns, call, where, walker.tx),
                    Value.LookupResult.Kind.COUNT, null);
            case FIND -> read(walker, call, entity, table, columns, method.lockMode(), where, method.returnType(),
                    !method.nativeQuery());
        };
    }

    /** The columns of the lookup's properties; none when one of them is not a column of the entity's table. */
    private static List<String> columns(List<String> properties, EntityInfo entity) {
        List<String> columns = new java.util.ArrayList<>();
        for (String property : properties) {
            Optional<String> column = entity != null ? entity.pathColumn(property)
                    : property.contains(".") ? Optional.empty() : Optional.of(property);
            if (column.isEmpty()) {
                return List.of();
            }
            columns.add(column.get());
        }
        return columns;
    }

    private static Value read(MethodWalker walker, MethodCallExpr call, EntityInfo entity, String table, List<String> columns,
            Optional<String> lockMode, String where, String returnType, boolean jpaLock) {
        Lookup lookup = columns.isEmpty() ? null : walker.lookup(table, columns, call, where, walker.tx);
        String lock = lockMode.orElse(null);
        boolean refused = false;
        if (lock != null && lock.startsWith("PESSIMISTIC")) {
            refused = walker.locked(call, entity != null ? entity.name() : table,
                    (jpaLock ? "@Lock(" + lock + ") on " : "a native 'for update' query, ") + where, jpaLock, walker.tx, null);
        }
        RowOrigin row = walker.newRow(table, entity, call, where, lookup, walker.tx, lock);
        row.api = RowOrigin.Api.SPRING_DATA;
        row.refusedWithoutTransaction = refused;
        return switch (returnType) {
            case "Optional", "Mono" -> new Value.Maybe(new Value.Row(row), lookup);
            case "List", "Collection", "Set", "Iterable", "Stream", "Page", "Slice", "Streamable", "Flux" ->
                    new Value.LookupResult(lookup, Value.LookupResult.Kind.LIST, row);
            default -> new Value.Row(row);
        };
    }
}
