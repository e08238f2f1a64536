package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.ormrace.analyzer.code.Annotations;
import io.ormrace.analyzer.code.CodeIndex;
import io.ormrace.analyzer.code.EntityInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JPA's {@code EntityManager}, {@code EntityTransaction} and {@code Query}, Hibernate's {@code Session}, and the
 * factories' {@code inTransaction}/{@code fromTransaction}.
 */
final class JpaCalls implements ApiCalls {

    private static final Set<String> MANAGER_TYPES = Set.of("EntityManager", "Session", "StatelessSession",
            "SharedSessionContract");
    private static final Set<String> FACTORY_TYPES = Set.of("EntityManagerFactory", "SessionFactory");
    private static final Set<String> IN_TRANSACTION = Set.of("inTransaction", "fromTransaction", "runInTransaction",
            "callInTransaction", "inStatelessTransaction", "fromStatelessTransaction");
    private static final Set<String> READS = Set.of("find", "get", "load", "byId");
    private static final Pattern JPQL_FROM = Pattern.compile("\\bfrom\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern JPQL_UPDATE = Pattern.compile("^\\s*update\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    @Override
    public Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver, String receiverType) {
        String name = call.getNameAsString();
        if (receiver instanceof Value.EntityTransaction transaction) {
            return Optional.of(onTransaction(walker, transaction.owner(), name));
        }
        if (receiver instanceof Value.Query query) {
            return Optional.of(onQuery(walker, call, query, name));
        }
        if (receiver instanceof CriteriaCalls.Criteria criteria && CriteriaCalls.RUNS.contains(name) && criteria.entity != null) {
            Value.Query query = new Value.Query(criteria.jpql(), false);
            query.lockMode = criteria.lockMode;
            return Optional.of(onQuery(walker, call, query, name));
        }
        if (receiver instanceof Value.EntityManager manager) {
            return Optional.of(onManager(walker, call, manager, name));
        }
        if (receiverType != null && MANAGER_TYPES.contains(receiverType)) {
            Value.EntityManager injected = new Value.EntityManager(false);
            injected.transaction = walker.tx;
            return Optional.of(onManager(walker, call, injected, name));
        }
        boolean factory = receiverType != null ? FACTORY_TYPES.contains(receiverType)
                : receiver instanceof Value.Unknown && (IN_TRANSACTION.contains(name) || name.equals("createEntityManager"));
        if (factory) {
            return Optional.of(onFactory(walker, call, name));
        }
        return Optional.empty();
    }

    private static Value onFactory(MethodWalker walker, MethodCallExpr call, String name) {
        if (name.equals("createEntityManager") || name.equals("openSession") || name.equals("openStatelessSession")) {
            walker.arguments(call);
            return new Value.EntityManager(true);
        }
        if (IN_TRANSACTION.contains(name) && !call.getArguments().isEmpty()) {
            Value work = walker.eval(call.getArgument(call.getArguments().size() - 1));
            if (work instanceof Value.Lambda lambda) {
                TxScope scope = new TxScope(name, false, false);
                Value.EntityManager session = new Value.EntityManager(false);
                session.transaction = scope;
                TxScope outer = walker.tx;
                walker.tx = scope;
                try {
                    return walker.invoke(lambda, List.of(session), walker.flow);
                } finally {
                    walker.endScope(scope);
                    walker.tx = outer;
                }
            }
        }
        return walker.evalArguments(call);
    }

    private static Value onTransaction(MethodWalker walker, Value.EntityManager manager, String name) {
        switch (name) {
            case "begin" -> {
                manager.transaction = new TxScope("EntityTransaction.begin()", false, false);
                walker.tx = manager.transaction;
            }
            case "commit" -> {
                if (manager.transaction != null) {
                    walker.endScope(manager.transaction);
                }
                manager.transaction = null;
                walker.tx = null;
            }
            case "rollback" -> {
                if (manager.transaction != null) {
                    walker.context.rowsByScope.remove(manager.transaction);
                }
                manager.transaction = null;
                walker.tx = null;
            }
            default -> {
            }
        }
        return Value.UNKNOWN;
    }

    private static Value onManager(MethodWalker walker, MethodCallExpr call, Value.EntityManager manager, String name) {
        TxScope tx = manager.createdHere ? manager.transaction : walker.tx;
        String reason = manager.createdHere && manager.transaction == null
                ? "the EntityManager is created here and no transaction is begun on it" : null;
        String read = !READS.contains(name) || call.getArguments().size() < 2 ? null
                : call.getArgument(0) instanceof ClassExpr type ? CodeIndex.simpleName(type.getType())
                : walker.entityTypeArgument().orElse(null); // em.find(entityClass, id) in a generic DAO
        if (read != null) {
            List<Value> arguments = walker.arguments(call);
            EntityInfo entity = entity(walker, read);
            if (entity == null) {
                return Value.UNKNOWN;
            }
            String lock = arguments.size() >= 3 ? lockMode(call.getArgument(2)) : null;
            boolean refused = lock != null && lock.startsWith("PESSIMISTIC") && walker.locked(call, entity.name(),
                    name + "(" + entity.name() + ".class, ..., " + lock + ")", true, tx, reason);
            Lookup lookup = walker.lookup(entity.table(), entity.idColumns(), call, name + "(" + entity.name() + ".class, id)", tx);
            RowOrigin row = walker.newRow(entity.table(), entity, call, name + "(" + entity.name() + ".class, id)", lookup, tx, lock);
            row.refusedWithoutTransaction = refused;
            return new Value.Row(row);
        }
        List<Value> arguments = walker.arguments(call);
        Value first = arguments.isEmpty() ? Value.UNKNOWN : arguments.get(0);
        switch (name) {
            case "persist", "save", "insert" -> {
                if (first instanceof Value.Fresh fresh) {
                    EntityInfo entity = entity(walker, fresh.entity());
                    if (entity != null) {
                        walker.insertedFresh(fresh, entity.table(), call, name + "(new " + fresh.entity() + "(...))", tx);
                    }
                }
                return first;
            }
            case "doWork", "doReturningWork" -> { // Hibernate's Work: JDBC on the session's own connection, in its transaction
                if (first instanceof Value.Lambda work) {
                    Value.Connection connection = new Value.Connection(true);
                    connection.transaction = tx;
                    return walker.invoke(work, List.of(connection), walker.flow);
                }
                return Value.UNKNOWN;
            }
            case "merge", "update", "saveOrUpdate", "upsert" -> {
                if (first instanceof Value.Row row) {
                    walker.written(row.origin(), call, name + "(...)", tx);
                }
                return first;
            }
            case "lock", "refresh" -> {
                String lock = arguments.size() >= 2 ? lockMode(call.getArgument(1)) : null;
                if (first instanceof Value.Row row && lock != null && lock.startsWith("PESSIMISTIC")) {
                    boolean refused = walker.locked(call, row.origin().describe(), name + "(..., " + lock + ")", true, tx, reason);
                    row.origin().refusedWithoutTransaction |= refused;
                    boolean readUnlocked = !row.origin().isPessimisticallyLocked();
                    row.origin().lockMode = lock;
                    if (name.equals("lock") && readUnlocked) {
                        row.origin().lockedAfterReadAt = call;
                    } else {
                        row.origin().lockedAfterReadAt = null;
                    }
                }
                return Value.UNKNOWN;
            }
            case "createQuery", "createSelectionQuery", "createMutationQuery", "createNativeQuery", "createNativeMutationQuery" -> {
                if (first instanceof CriteriaCalls.Criteria criteria && criteria.entity != null) {
                    return new Value.Query(criteria.jpql(), false);
                }
                return first instanceof Value.Text text ? new Value.Query(text.text(), name.contains("Native")) : Value.UNKNOWN;
            }
            case "getCriteriaBuilder" -> {
                return new CriteriaCalls.Builder();
            }
            case "createCriteria" -> { // Hibernate's legacy Criteria
                CriteriaCalls.Criteria criteria = new CriteriaCalls.Criteria();
                criteria.entity = !call.getArguments().isEmpty() && call.getArgument(0) instanceof ClassExpr type
                        ? CodeIndex.simpleName(type.getType()) : null;
                return criteria;
            }
            case "createNamedQuery", "getNamedQuery" -> {
                return first instanceof Value.Text text ? walker.context.index.namedQuery(text.text())
                        .<Value>map(named -> new Value.Query(named.query(), named.nativeSql())).orElse(Value.UNKNOWN) : Value.UNKNOWN;
            }
            case "getTransaction" -> {
                return new Value.EntityTransaction(manager);
            }
            case "unwrap", "getDelegate" -> {
                return manager;
            }
            default -> {
                return Value.UNKNOWN;
            }
        }
    }

    private static Value onQuery(MethodWalker walker, MethodCallExpr call, Value.Query query, String name) {
        List<Value> arguments = walker.arguments(call);
        switch (name) {
            case "setParameter" -> {
                if (arguments.size() >= 2 && call.getArgument(0).isStringLiteralExpr()) {
                    query.parameters.put(call.getArgument(0).asStringLiteralExpr().asString(), arguments.get(1));
                }
                return query;
            }
            case "setLockMode", "setHibernateLockMode" -> {
                query.lockMode = arguments.isEmpty() ? null : lockMode(call.getArgument(0));
                return query;
            }
            case "getResultList", "list", "getResultStream", "stream", "scroll" -> {
                return read(walker, call, query, Value.LookupResult.Kind.LIST);
            }
            case "getSingleResult", "uniqueResult", "getSingleResultOrNull", "uniqueResultOptional", "getSingleResultOrNull2" -> {
                return read(walker, call, query, null);
            }
            case "executeUpdate" -> {
                update(walker, call, query);
                return Value.UNKNOWN;
            }
            default -> {
                return query;
            }
        }
    }

    private static Value read(MethodWalker walker, MethodCallExpr call, Value.Query query, Value.LookupResult.Kind kind) {
        Sql sql = Sql.parse(query.text);
        EntityInfo entity = null;
        String table = sql.table();
        if (!query.nativeSql) {
            Matcher from = JPQL_FROM.matcher(query.text);
            entity = from.find() ? entity(walker, from.group(1)) : null;
            table = entity != null ? entity.table() : table;
        }
        if (table.isEmpty()) {
            return Value.UNKNOWN;
        }
        String lock = query.lockMode != null ? query.lockMode : query.nativeSql ? sql.lockMode() : null;
        boolean refused = lock != null && lock.startsWith("PESSIMISTIC") && walker.locked(call, table,
                query.nativeSql ? "a native 'for update' query" : "a query with lock mode " + lock,
                !query.nativeSql, walker.tx, null);
        EntityInfo mapped = entity;
        List<String> columns = sql.equalityColumns().stream()
                .map(c -> mapped != null ? mapped.pathColumn(c).orElse(null) : c.contains(".") ? null : c).toList();
        if (columns.contains(null)) {
            columns = List.of(); // a path into another entity: no key of this table
        }
        Lookup lookup = columns.isEmpty() ? null : walker.lookup(table, columns, call, "query", walker.tx);
        RowOrigin row = walker.newRow(table, entity, call, "query: " + query.text, lookup, walker.tx, lock);
        row.refusedWithoutTransaction = refused;
        if (kind == Value.LookupResult.Kind.LIST) {
            return new Value.LookupResult(lookup, kind, row);
        }
        Optional<String> max = MaxQuery.column(query.text);
        if (max.isPresent()) {
            String column = mapped != null ? mapped.pathColumn(max.get()).orElse(max.get()) : max.get();
            return new Value.MaxOf(lookup != null ? lookup : walker.lookup(table, List.of(), call, "query", walker.tx), column);
        }
        if (call.getNameAsString().equals("getSingleResult")) {
            walker.throwsWhenAbsent(lookup);
        }
        return call.getNameAsString().endsWith("OrNull") || call.getNameAsString().equals("uniqueResult")
                ? new Value.Row(row) : call.getNameAsString().endsWith("Optional")
                ? new Value.Maybe(new Value.Row(row), lookup) : new Value.Row(row);
    }

    /** A JPQL or SQL update that sets a column from a parameter whose value was derived from that column. */
    private static void update(MethodWalker walker, MethodCallExpr call, Value.Query query) {
        Sql sql = Sql.parse(query.text);
        if (sql.kind() != Sql.Kind.INSERT || sql.upsert()) {
            walker.effect("'" + query.text.strip() + "'", call, null);
        }
        if (sql.kind() == Sql.Kind.INSERT && !sql.upsert()) {
            walker.inserted(sql.table(), call, query.text, false, walker.tx);
            return;
        }
        if (sql.kind() != Sql.Kind.UPDATE) {
            return;
        }
        String table = sql.table();
        EntityInfo entity = null;
        if (!query.nativeSql) {
            Matcher update = JPQL_UPDATE.matcher(query.text);
            entity = update.find() ? entity(walker, update.group(1)) : null;
            table = entity != null ? entity.table() : table;
        }
        if (CompareAndSet.guards(sql, index -> Value.UNKNOWN,
                name -> query.parameters.getOrDefault(name, Value.UNKNOWN))) {
            return;
        }
        for (Map.Entry<String, String> set : sql.setFromNamedParameter().entrySet()) {
            if (!sql.whereColumns().contains(set.getKey())) {
                Value value = query.parameters.getOrDefault(set.getValue(), Value.UNKNOWN);
                String column = entity != null ? entity.column(set.getKey()) : set.getKey();
                walker.jdbcWrite(table, column, value, call, "update query", walker.tx);
            }
        }
    }

    private static EntityInfo entity(MethodWalker walker, String name) {
        return walker.context.index.entity(name, walker.owner).orElse(null);
    }

    /** The pessimistic or optimistic lock a LockModeType or Hibernate LockMode constant asks for; null for none. */
    static String lockMode(Expression expression) {
        return Annotations.constantName(expression).map(mode -> switch (mode) {
            case "PESSIMISTIC_WRITE", "UPGRADE", "UPGRADE_NOWAIT", "UPGRADE_SKIPLOCKED", "PESSIMISTIC_FORCE_INCREMENT", "WRITE" -> "PESSIMISTIC_WRITE";
            case "PESSIMISTIC_READ" -> "PESSIMISTIC_READ";
            case "OPTIMISTIC", "OPTIMISTIC_FORCE_INCREMENT", "READ" -> "OPTIMISTIC";
            default -> null;
        }).orElse(null);
    }
}
