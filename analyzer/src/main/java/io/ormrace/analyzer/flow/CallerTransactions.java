package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.ormrace.analyzer.code.CallSites;
import io.ormrace.analyzer.code.CodeIndex;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Whether a method without a transaction of its own can run without one: whether some chain of calls the sources
 * show leads to it from an entry point (a method nothing in the sources calls) with no {@code @Transactional} method
 * and no transaction callback on the way. A chain longer than the search goes is taken to be in a transaction, so
 * that a lock in a DAO is reported only where a path without a transaction is shown.
 */
final class CallerTransactions {

    private static final int DEPTH = 6;
    private static final Set<String> CALLBACKS = Set.of("execute", "executeWithoutResult", "inTransaction",
            "fromTransaction", "runInTransaction", "callInTransaction", "doInTransaction");

    private CallerTransactions() {
    }

    static boolean reachableWithout(CodeIndex index, MethodDeclaration method, TypeDeclaration<?> owner) {
        Set<MethodDeclaration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(method);
        return reachableWithout(index, method, owner, 0, seen);
    }

    private static boolean reachableWithout(CodeIndex index, MethodDeclaration method, TypeDeclaration<?> owner, int depth,
            Set<MethodDeclaration> seen) {
        List<CallSites.Site> callers = index.callers(method, owner);
        if (callers.isEmpty()) {
            return true;
        }
        for (CallSites.Site site : callers) {
            if (Transactions.declared(site.caller(), site.callerType()).begins() || insideCallback(site.call())
                    || depth >= DEPTH || !seen.add(site.caller())) {
                continue;
            }
            if (reachableWithout(index, site.caller(), site.callerType(), depth + 1, seen)) {
                return true;
            }
        }
        return false;
    }

    /** {@code transactionTemplate.execute(status -> dao.lock(...))}. */
    private static boolean insideCallback(MethodCallExpr call) {
        for (Node node = call.getParentNode().orElse(null); node != null; node = node.getParentNode().orElse(null)) {
            if (node instanceof LambdaExpr lambda && lambda.getParentNode().orElse(null) instanceof MethodCallExpr outer
                    && CALLBACKS.contains(outer.getNameAsString())) {
                return true;
            }
            if (node instanceof MethodDeclaration) {
                return false;
            }
        }
        return false;
    }
}
