package io.ormrace.analyzer.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.ormrace.analyzer.code.EntityInfo;
import java.util.Optional;

/**
 * Whether a new text value is made only of the row's own attributes and constants
 * ({@code this.name = getId() + "_DELETED_" + this.name}, {@code setUsername(String.valueOf(getId()))}): two callers
 * that read the same row compute the same text, so neither loses anything. A value that takes in anything else (a note appended from the request) can lose
 * the other caller's change.
 */
final class RowOnlyValue {

    private static final java.util.Set<String> CONVERTERS = java.util.Set.of("String", "Long", "Integer", "Objects");

    private RowOnlyValue() {
    }

    static boolean of(Node write, EntityInfo entity) {
        return assigned(write).filter(value -> rowOnly(value, entity)).isPresent();
    }

    private static Optional<Expression> assigned(Node write) {
        if (write instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN) {
            return Optional.of(assign.getValue());
        }
        if (write instanceof MethodCallExpr setter && setter.getArguments().size() == 1) {
            return Optional.of(setter.getArgument(0));
        }
        return Optional.empty();
    }

    private static boolean rowOnly(Expression expression, EntityInfo entity) {
        if (expression instanceof LiteralExpr) {
            return true;
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return rowOnly(enclosed.getInner(), entity);
        }
        if (expression instanceof BinaryExpr binary) {
            return rowOnly(binary.getLeft(), entity) && rowOnly(binary.getRight(), entity);
        }
        if (expression instanceof NameExpr name) {
            return entity.columns().containsKey(name.getNameAsString());
        }
        if (expression instanceof FieldAccessExpr access) {
            return access.getScope() instanceof ThisExpr && entity.columns().containsKey(access.getNameAsString());
        }
        if (expression instanceof MethodCallExpr call && call.getScope().filter(NameExpr.class::isInstance)
                .map(scope -> ((NameExpr) scope).getNameAsString()).filter(CONVERTERS::contains).isPresent()
                && call.getNameAsString().matches("valueOf|toString|format")) {
            return call.getArguments().stream().allMatch(argument -> rowOnly(argument, entity)); // String.valueOf(getId())
        }
        if (expression instanceof MethodCallExpr call && call.getArguments().isEmpty()) {
            boolean getter = call.getNameAsString().matches("(get|is)[A-Z]\\w*");
            boolean conversion = call.getNameAsString().matches("toString|name|trim|toUpperCase|toLowerCase");
            return call.getScope().map(scope -> scope instanceof ThisExpr || scope instanceof NameExpr && getter
                    || rowOnly(scope, entity) && conversion).orElse(getter);
        }
        return false;
    }
}
