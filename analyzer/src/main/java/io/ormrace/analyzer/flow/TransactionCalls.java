package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.ormrace.analyzer.code.SyntaxTrees;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Programmatic Spring transactions: {@code TransactionTemplate.execute/executeWithoutResult} (with the propagation
 * the template was given) and {@code PlatformTransactionManager.getTransaction/commit/rollback}.
 */
final class TransactionCalls implements ApiCalls {

    private static final Set<String> TEMPLATE_TYPES = Set.of("TransactionTemplate", "TransactionOperations");
    private static final Set<String> MANAGER_TYPES = Set.of("PlatformTransactionManager", "JpaTransactionManager",
            "DataSourceTransactionManager", "JdbcTransactionManager", "TransactionManager");

    @Override
    public Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver, String receiverType) {
        if (receiverType == null) {
            return Optional.empty();
        }
        String name = call.getNameAsString();
        if (TEMPLATE_TYPES.contains(receiverType) && (name.equals("execute") || name.equals("executeWithoutResult"))) {
            String template = call.getScope().map(TransactionCalls::variable).orElse("");
            String propagation = walker.context.index.typeFact(walker.owner, "template propagations",
                    TransactionCalls::propagations).getOrDefault(template, "REQUIRED");
            boolean own = propagation.equals("REQUIRES_NEW") || propagation.equals("NESTED");
            TxScope scope = own || walker.tx == null
                    ? new TxScope("TransactionTemplate." + name, false, own) : walker.tx;
            return Optional.of(runIn(walker, call, scope));
        }
        if (MANAGER_TYPES.contains(receiverType)) {
            walker.arguments(call);
            switch (name) {
                case "getTransaction" -> walker.tx = new TxScope("PlatformTransactionManager.getTransaction", false, false);
                case "commit" -> {
                    if (walker.tx != null) {
                        walker.endScope(walker.tx);
                    }
                    walker.tx = null;
                }
                case "rollback" -> walker.tx = null;
                default -> {
                }
            }
            return Optional.of(Value.UNKNOWN);
        }
        return Optional.empty();
    }

    private static String variable(com.github.javaparser.ast.expr.Expression scope) {
        if (scope instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (scope instanceof FieldAccessExpr access) {
            return access.getNameAsString();
        }
        return "";
    }

    /**
     * The propagation each template field was set to in its class ({@code x.setPropagationBehavior(PROPAGATION_NESTED)}),
     * by field; a field set to none of these is REQUIRED.
     */
    private static Map<String, String> propagations(TypeDeclaration<?> owner) {
        Map<String, String> propagations = new HashMap<>();
        for (MethodCallExpr setter : SyntaxTrees.findAll(owner, MethodCallExpr.class, c -> c.getNameAsString().equals("setPropagationBehavior")
                || c.getNameAsString().equals("setPropagationBehaviorName"))) {
            String target = setter.getScope().map(TransactionCalls::variable).orElse("");
            if (!setter.getArguments().isEmpty() && !propagations.containsKey(target)) {
                String value = setter.getArgument(0).toString();
                if (value.contains("REQUIRES_NEW")) {
                    propagations.put(target, "REQUIRES_NEW");
                } else if (value.contains("NESTED")) {
                    propagations.put(target, "NESTED");
                }
            }
        }
        return propagations;
    }

    /** Runs the callback passed as the call's first argument with {@code scope} in force, and ends the scope if it began here. */
    static Value runIn(MethodWalker walker, MethodCallExpr call, TxScope scope) {
        Value work = call.getArguments().isEmpty() ? Value.UNKNOWN : walker.eval(call.getArgument(0));
        if (!(work instanceof Value.Lambda lambda)) {
            return Value.UNKNOWN;
        }
        TxScope outer = walker.tx;
        walker.tx = scope;
        try {
            return walker.invoke(lambda, List.of(Value.UNKNOWN), walker.flow);
        } finally {
            if (scope != outer) {
                walker.endScope(scope);
            }
            walker.tx = outer;
        }
    }
}
