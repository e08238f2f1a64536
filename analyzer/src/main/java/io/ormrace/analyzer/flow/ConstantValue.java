package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import io.ormrace.analyzer.code.SyntaxTrees;
import java.util.Set;

/**
 * Whether a write puts a value every caller would put alike: a literal, a constant ({@code Status.PAID},
 * {@code MAX_TRIES}), a fresh empty object, the current time. Two callers passing the same check then write the same
 * thing (or the same kind of thing), and nothing is lost between them; a value of the caller's own (the user who
 * claims a seat, a token) is lost when a second caller overwrites it.
 */
final class ConstantValue {

    private static final Set<String> CLOCK = Set.of("now", "currentTimeMillis", "nanoTime", "today", "getBusinessLocalDate",
            "getLocalDateOfTenant", "getLocalDateTimeOfTenant", "getOffsetDateTimeOfTenant", "instant");

    private ConstantValue() {
    }

    /** The value a change at {@code at} (an assignment or a setter call) writes is alike for every caller. */
    static boolean written(Node at) {
        if (at instanceof AssignExpr assign) {
            return assign.getOperator() == AssignExpr.Operator.ASSIGN && alike(assign.getValue());
        }
        if (at instanceof MethodCallExpr setter && setter.getArguments().size() == 1) {
            return alike(setter.getArgument(0));
        }
        return true;
    }

    /**
     * The check compares the column with the very value written ({@code if (!name.equals(newName)) name = newName}):
     * an update to what the request says, where the last writer wins by design, not a claim.
     */
    static boolean comparedIn(Node at, Node condition) {
        Expression value = at instanceof AssignExpr assign ? assign.getValue()
                : at instanceof MethodCallExpr setter && setter.getArguments().size() == 1 ? setter.getArgument(0) : null;
        if (value == null) {
            return false;
        }
        String written = value.toString();
        Set<String> compared = new java.util.HashSet<>();
        SyntaxTrees.findAll(condition, Expression.class).forEach(part -> compared.add(part.toString()));
        return compared.contains(written) || SyntaxTrees.findAll(condition, NameExpr.class).stream().anyMatch(ConstantValue::callersValue)
                || fromComparedInput(value, at, compared);
    }

    /**
     * The value written is made from an input the check compares with ({@code if (input != null
     * && !input.equals(getAnswer())) setAnswer(encode(input))}): set when the caller's value differs, as above.
     */
    private static boolean fromComparedInput(Expression value, Node at, Set<String> compared) {
        String ownGetter = at instanceof MethodCallExpr setter ? "get" + setter.getNameAsString().substring(3) : "";
        return SyntaxTrees.findAll(value, MethodCallExpr.class).stream()
                .filter(call -> call != value && call.getArguments().isEmpty() && !call.getNameAsString().equals(ownGetter))
                .anyMatch(call -> compared.contains(call.toString()));
    }

    /**
     * A variable the check compares with ({@code accountId} in {@code !Objects.equals(m.getGlAccount().getId(),
     * accountId)}): a check against the caller's value, not against a state such as {@code null} or {@code false}.
     * The row a getter is called on ({@code m} in {@code m.getGlAccount()}) is not one, nor is a constant.
     */
    private static boolean callersValue(NameExpr name) {
        if (NameShapes.constant(name.getNameAsString())) {
            return false;
        }
        return !(name.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == name
                && call.getArguments().isEmpty() && NameShapes.query(call.getNameAsString()))
                && !(name.getParentNode().orElse(null) instanceof FieldAccessExpr);
    }

    /**
     * A local variable set once, where it is declared, to a value alike for every caller ({@code Date now = new Date();
     * token.setRevokedAt(now)}).
     */
    private static boolean initializedAlike(NameExpr name) {
        String variable = name.getNameAsString();
        return name.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).map(method -> {
            java.util.List<com.github.javaparser.ast.body.VariableDeclarator> declared = SyntaxTrees
                    .findAll(method, com.github.javaparser.ast.body.VariableDeclarator.class, d -> d.getNameAsString().equals(variable));
            boolean assignedLater = SyntaxTrees.findAll(method, AssignExpr.class).stream()
                    .anyMatch(assign -> assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(variable));
            return declared.size() == 1 && !assignedLater && declared.get(0).getInitializer()
                    .filter(initializer -> !(initializer instanceof NameExpr)).map(ConstantValue::alike).orElse(false);
        }).orElse(false);
    }

    static boolean alike(Expression expression) {
        if (expression instanceof EnclosedExpr enclosed) {
            return alike(enclosed.getInner());
        }
        if (expression instanceof CastExpr cast) {
            return alike(cast.getExpression());
        }
        if (expression instanceof LiteralExpr) {
            return true;
        }
        if (expression instanceof UnaryExpr unary) {
            return alike(unary.getExpression());
        }
        if (expression instanceof NameExpr name) {
            return NameShapes.constant(name.getNameAsString()) || initializedAlike(name);
        }
        if (expression instanceof FieldAccessExpr access) {
            return access.getScope() instanceof NameExpr type && Character.isUpperCase(type.getNameAsString().charAt(0));
        }
        if (expression instanceof ObjectCreationExpr creation) {
            return creation.getArguments().isEmpty();
        }
        if (expression instanceof MethodCallExpr call) {
            return CLOCK.contains(call.getNameAsString()) || call.getNameAsString().equals("valueOf")
                    && call.getArguments().size() == 1 && alike(call.getArgument(0));
        }
        return false;
    }
}
