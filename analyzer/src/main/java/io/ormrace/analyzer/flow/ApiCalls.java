package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;

/**
 * What one family of APIs does to the database. Each family is one class, so that a reader finds everything
 * ormrace knows about Spring Data, JPA, JDBC or transactions in one place.
 */
interface ApiCalls {

    /**
     * The value of the call, or empty when the call is not this family's.
     *
     * @param receiver      the value of the call's scope
     * @param receiverType  the declared type's simple name of the scope, when known
     */
    Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver, String receiverType);
}
