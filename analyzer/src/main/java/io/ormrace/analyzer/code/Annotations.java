package io.ormrace.analyzer.code;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads annotations by simple name, so that {@code jakarta.persistence}, {@code javax.persistence} and Spring's
 * spellings all count, with or without the jars on the classpath.
 */
public final class Annotations {

    private Annotations() {
    }

    public static Optional<AnnotationExpr> find(NodeWithAnnotations<?> node, String... simpleNames) {
        for (AnnotationExpr annotation : node.getAnnotations()) {
            String name = annotation.getName().getIdentifier();
            for (String wanted : simpleNames) {
                if (name.equals(wanted)) {
                    return Optional.of(annotation);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean has(NodeWithAnnotations<?> node, String... simpleNames) {
        return find(node, simpleNames).isPresent();
    }

    /** The value of an attribute; {@code value} also reads a single-member annotation. */
    public static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(pair -> pair.getNameAsString().equals(name))
                    .map(pair -> pair.getValue()).findFirst();
        }
        return Optional.empty();
    }

    public static Optional<String> string(AnnotationExpr annotation, String name) {
        return attribute(annotation, name).flatMap(Annotations::constantString);
    }

    public static boolean isTrue(AnnotationExpr annotation, String name) {
        return attribute(annotation, name).filter(BooleanLiteralExpr.class::isInstance)
                .map(value -> ((BooleanLiteralExpr) value).getValue()).orElse(false);
    }

    /** The last name of an enum constant or constant reference: {@code LockModeType.PESSIMISTIC_WRITE} gives PESSIMISTIC_WRITE. */
    public static Optional<String> constantName(Expression expression) {
        if (expression instanceof FieldAccessExpr access) {
            return Optional.of(access.getNameAsString());
        }
        if (expression instanceof NameExpr name) {
            return Optional.of(name.getNameAsString());
        }
        return Optional.empty();
    }

    /** A string literal, a text block, or literals joined with {@code +}. */
    public static Optional<String> constantString(Expression expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return Optional.of(literal.asString());
        }
        if (expression instanceof TextBlockLiteralExpr block) {
            return Optional.of(block.asString());
        }
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = constantString(binary.getLeft());
            Optional<String> right = constantString(binary.getRight());
            if (left.isPresent() && right.isPresent()) {
                return Optional.of(left.get() + right.get());
            }
        }
        return Optional.empty();
    }

    /** The elements of an array attribute, or the single value as a one-element list. */
    public static List<Expression> elements(Expression expression) {
        if (expression instanceof ArrayInitializerExpr array) {
            return new ArrayList<>(array.getValues());
        }
        return List.of(expression);
    }
}
