package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.ormrace.analyzer.code.CodeIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JPA Criteria API: a query built with {@code cb.createQuery(User.class)}, {@code query.from(User.class)} and
 * {@code where(cb.equal(root.get("email"), email))} is, to the rest of the walk, the JPQL it stands for
 * ({@code select e from User e where e.email = :email}): what {@code em.createQuery(query)} returns.
 */
final class CriteriaCalls implements ApiCalls {

    private static final Set<String> BUILDERS = Set.of("CriteriaBuilder", "HibernateCriteriaBuilder");
    /** What runs a legacy Criteria. */
    static final Set<String> RUNS = Set.of("list", "uniqueResult", "scroll");

    /** {@code Restrictions.eq("email", email)}, {@code Restrictions.idEq(id)}: equalities; anything else is no key. */
    private static void restriction(com.github.javaparser.ast.expr.Expression argument, Criteria query) {
        if (argument instanceof MethodCallExpr restriction && restriction.getScope().map(Object::toString)
                .filter(scope -> scope.endsWith("Restrictions")).isPresent()) {
            switch (restriction.getNameAsString()) {
                case "eq" -> {
                    if (restriction.getArguments().size() == 2
                            && restriction.getArgument(0) instanceof com.github.javaparser.ast.expr.StringLiteralExpr attribute) {
                        query.equalities.add(attribute.asString());
                        return;
                    }
                }
                case "idEq" -> {
                    query.equalities.add("id");
                    return;
                }
                case "and" -> {
                    restriction.getArguments().forEach(part -> restriction(part, query));
                    return;
                }
                default -> {
                }
            }
        }
        query.unidentifying = true;
    }

    /** A criteria query: its entity and the attributes its restriction compares with values. */
    static final class Criteria implements Value {
        String entity;
        final List<String> equalities = new ArrayList<>();
        boolean unidentifying;
        /** Hibernate's legacy Criteria: {@code setLockMode(LockMode.UPGRADE)}. */
        String lockMode;

        String jpql() {
            StringBuilder text = new StringBuilder("select e from " + entity + " e");
            for (int i = 0; i < equalities.size(); i++) {
                text.append(i == 0 ? " where " : unidentifying ? " or " : " and ").append("e.").append(equalities.get(i))
                        .append(" = :p").append(i);
            }
            return text.toString();
        }
    }

    /** A path from the query's root: {@code root.get("owner").get("id")}. */
    record Path(String attribute) implements Value {
    }

    /** A condition: the attributes it compares for equality, and whether an {@code or} makes it no key. */
    record Predicate(List<String> equalities, boolean unidentifying) implements Value {
    }

    /** The query's root. */
    record Root(Criteria query) implements Value {
    }

    @Override
    public Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver, String receiverType) {
        String name = call.getNameAsString();
        if (receiverType != null && BUILDERS.contains(receiverType) || receiver instanceof Builder) {
            return Optional.of(onBuilder(walker, call, name));
        }
        if (receiver instanceof Criteria query && RUNS.contains(name)) {
            return Optional.empty(); // list(), uniqueResult(): run by JpaCalls as the query it stands for
        }
        if (receiver instanceof Criteria query && name.equals("add") && call.getArguments().size() == 1) {
            restriction(call.getArgument(0), query); // Hibernate's session.createCriteria(X.class).add(Restrictions.eq(...))
            walker.arguments(call);
            return Optional.of(query);
        }
        if (receiver instanceof Criteria query && name.equals("setLockMode") && !call.getArguments().isEmpty()) {
            walker.arguments(call);
            query.lockMode = JpaCalls.lockMode(call.getArgument(call.getArguments().size() - 1));
            return Optional.of(query);
        }
        if (receiver instanceof Criteria query) {
            List<Value> arguments = walker.arguments(call);
            switch (name) {
                case "from" -> {
                    if (query.entity == null && !call.getArguments().isEmpty() && call.getArgument(0) instanceof ClassExpr type) {
                        query.entity = CodeIndex.simpleName(type.getType());
                    }
                    return Optional.of(new Root(query));
                }
                case "where" -> {
                    Predicate all = conjunction(arguments); // where() replaces the restriction set before
                    query.equalities.clear();
                    query.equalities.addAll(all.equalities());
                    query.unidentifying = all.unidentifying();
                    return Optional.of(query);
                }
                default -> {
                    return Optional.of(query); // select, distinct, orderBy: the same query
                }
            }
        }
        if ((receiver instanceof Root || receiver instanceof Path) && name.equals("get") && call.getArguments().size() == 1) {
            Value attribute = walker.eval(call.getArgument(0));
            if (attribute instanceof Value.Text text) {
                return Optional.of(new Path(receiver instanceof Path path ? path.attribute() + "." + text.text() : text.text()));
            }
            return Optional.of(Value.UNKNOWN);
        }
        return Optional.empty();
    }

    /** {@code em.getCriteriaBuilder()}: a builder whatever its variable's declared type says. */
    record Builder() implements Value {
    }

    /** Conditions joined by and: their equalities together; any condition that is no equality makes the whole no key. */
    private static Predicate conjunction(List<Value> conditions) {
        List<String> equalities = new ArrayList<>();
        boolean unidentifying = false;
        for (Value condition : conditions) {
            if (condition instanceof Predicate predicate) {
                equalities.addAll(predicate.equalities());
                unidentifying |= predicate.unidentifying();
            } else {
                unidentifying = true;
            }
        }
        return new Predicate(equalities, unidentifying);
    }

    private static Value onBuilder(MethodWalker walker, MethodCallExpr call, String name) {
        List<Value> arguments = walker.arguments(call);
        switch (name) {
            case "createQuery", "createTupleQuery" -> {
                Criteria query = new Criteria();
                if (!call.getArguments().isEmpty() && call.getArgument(0) instanceof ClassExpr type) {
                    query.entity = CodeIndex.simpleName(type.getType());
                }
                return query;
            }
            case "equal" -> {
                Optional<String> attribute = arguments.stream().filter(Path.class::isInstance).map(v -> ((Path) v).attribute()).findFirst();
                return attribute.<Value>map(a -> new Predicate(List.of(a), false)).orElse(new Predicate(List.of(), true));
            }
            case "and" -> {
                return conjunction(arguments);
            }
            default -> {
                return new Predicate(List.of(), true); // or, like, greaterThan...: no lookup by a key
            }
        }
    }
}
