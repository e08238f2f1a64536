package io.ormrace.analyzer.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A Java check on one attribute ({@code account.getBalance().compareTo(amount) >= 0}, {@code stock < n},
 * {@code !order.isPaid()}) as the where clause of an atomic update ({@code a.balance >= :amount}), so that the
 * update keeps the invariant the check kept. Empty when the check is not that simple.
 */
final class GuardText {

    /** @param column  how the attribute is written in the query: {@code a.balance} or {@code balance} */
    static Optional<String> of(Node condition, boolean whenTrue, String attribute, String column,
            Predicate<Node> isColumnAsRead) {
        return new GuardText(attribute, isColumnAsRead).render(condition, whenTrue, column);
    }

    private final String attribute;
    private final Predicate<Node> isColumnAsRead;

    private GuardText(String attribute, Predicate<Node> isColumnAsRead) {
        this.attribute = attribute;
        this.isColumnAsRead = isColumnAsRead;
    }

    private Optional<String> render(Node condition, boolean whenTrue, String column) {
        if (!(condition instanceof Expression expression)) {
            return Optional.empty();
        }
        Expression bare = unwrap(expression);
        if (bare instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return render(unary.getExpression(), !whenTrue, column);
        }
        if (isAttribute(bare)) {
            return Optional.of(column + " = " + whenTrue);
        }
        if (bare instanceof MethodCallExpr equals && equals.getNameAsString().equals("equals") && equals.getArguments().size() == 1
                && equals.getScope().filter(this::isAttribute).isPresent()) {
            return Optional.of(column + (whenTrue ? " = " : " <> ") + value(equals.getArgument(0)));
        }
        if (!(bare instanceof BinaryExpr binary)) {
            return Optional.empty();
        }
        String operator = operator(binary.getOperator());
        if (operator == null) {
            return Optional.empty();
        }
        Expression left = unwrap(binary.getLeft());
        Expression right = unwrap(binary.getRight());
        if (left instanceof MethodCallExpr compare && compare.getNameAsString().equals("compareTo")
                && compare.getArguments().size() == 1 && right.toString().equals("0")
                && compare.getScope().filter(this::isAttribute).isPresent()) {
            left = compare.getScope().get();
            right = compare.getArgument(0);
        }
        boolean leftRead = isColumnAsRead.test(left) || isColumnAsRead.test(binary.getLeft());
        boolean rightRead = isColumnAsRead.test(right) || isColumnAsRead.test(binary.getRight());
        if (rightRead && !leftRead || !leftRead && isAttribute(right) && !isAttribute(left)) {
            Expression swap = left;
            left = right;
            right = swap;
            operator = mirror(operator);
        }
        if (!isAttribute(left)) {
            return Optional.empty();
        }
        return Optional.of(column + " " + (whenTrue ? operator : negate(operator)) + " " + value(right));
    }

    private static Expression unwrap(Expression expression) {
        return expression instanceof EnclosedExpr enclosed ? unwrap(enclosed.getInner()) : expression;
    }

    /**
     * {@code getStock()}, {@code isPaid()}, {@code stock}, {@code this.stock}, {@code item.getStock()}, or any
     * expression the walk saw hold the column as read (a local copied from a result set).
     */
    private boolean isAttribute(Expression expression) {
        if (isColumnAsRead.test(expression)) {
            return true;
        }
        Expression bare = unwrap(expression);
        if (bare != expression && isColumnAsRead.test(bare)) {
            return true;
        }
        if (bare instanceof MethodCallExpr call && call.getArguments().isEmpty()) {
            String name = call.getNameAsString().replaceFirst("^(get|is)(?=[A-Z])", "");
            return !name.isEmpty() && (Character.toLowerCase(name.charAt(0)) + name.substring(1)).equals(attribute);
        }
        if (bare instanceof NameExpr name) {
            return name.getNameAsString().equals(attribute);
        }
        return bare instanceof FieldAccessExpr access && access.getNameAsString().equals(attribute);
    }

    private static String value(Expression expression) {
        Expression bare = unwrap(expression);
        if (bare instanceof LiteralExpr && !bare.isStringLiteralExpr()) {
            return bare.toString();
        }
        if (bare instanceof NameExpr name) {
            return ":" + name.getNameAsString();
        }
        return ":expected";
    }

    private static String operator(BinaryExpr.Operator operator) {
        return switch (operator) {
            case LESS -> "<";
            case LESS_EQUALS -> "<=";
            case GREATER -> ">";
            case GREATER_EQUALS -> ">=";
            case EQUALS -> "=";
            case NOT_EQUALS -> "<>";
            default -> null;
        };
    }

    private static String mirror(String operator) {
        return switch (operator) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> operator;
        };
    }

    private static String negate(String operator) {
        return switch (operator) {
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            case "=" -> "<>";
            default -> "=";
        };
    }
}
