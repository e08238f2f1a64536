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
 * Whether a method without a transaction of its own always runs inside its callers' transactions: every call of it
 * the sources show is made from a {@code @Transactional} method, inside a transaction callback, or from a method
 * that is itself only called that way. A method nobody in the sources calls is an entry point, and decides alone.
 */
final class CallerTransactions {

    private static final int DEPTH = 4;
    private static final Set<String> CALLBACKS = Set.of("execute", "executeWithoutResult", "inTransaction",
            "fromTransaction", "runInTransaction", "callInTransaction", "doInTransaction");

    private CallerTransactions() {
    }

    static boolean always(CodeIndex index, MethodDeclaration method, TypeDeclaration<?> owner) {
        Set<MethodDeclaration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(method);
        return always(index, method, owner, 0, seen);
    }

    private static boolean always(CodeIndex index, MethodDeclaration method, TypeDeclaration<?> owner, int depth,
            Set<MethodDeclaration> seen) {
        List<CallSites.Site> callers = index.callers(method, owner);
        if (callers.isEmpty()) {
            return false;
        }
        for (CallSites.Site site : callers) {
            if (Transactions.declared(site.caller(), site.callerType()).begins() || insideCallback(site.call())) {
                continue;
            }
            if (seen.contains(site.caller())) {
                continue; // a cycle adds no path from outside
            }
            seen.add(site.caller());
            if (depth < DEPTH && always(index, site.caller(), site.callerType(), depth + 1, seen)) {
                continue;
            }
            return false;
        }
        return true;
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
