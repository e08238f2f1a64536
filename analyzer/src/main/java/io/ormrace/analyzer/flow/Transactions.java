package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import io.ormrace.analyzer.code.Annotations;
import java.util.Optional;

/**
 * What {@code @Transactional} (Spring's or {@code jakarta.transaction}'s) on a method or its class means when the
 * method is entered through the proxy.
 */
final class Transactions {

    private Transactions() {
    }

    /**
     * @param annotated       the method or its class carries {@code @Transactional}
     * @param privateMethod   the annotation is on a private method, where no proxy applies
     * @param propagation     REQUIRED, REQUIRES_NEW, NESTED, SUPPORTS, NOT_SUPPORTED, NEVER or MANDATORY
     */
    record Declared(boolean annotated, boolean privateMethod, String propagation, boolean serializable) {

        /** Entered from outside with no transaction: does the proxy begin one? */
        boolean begins() {
            return annotated && !privateMethod && !propagation.equals("SUPPORTS") && !propagation.equals("NOT_SUPPORTED")
                    && !propagation.equals("NEVER");
        }

        TxScope newScope(String description) {
            return new TxScope(description, serializable, propagation.equals("REQUIRES_NEW") || propagation.equals("NESTED"));
        }

        /** The transaction the method runs in when the caller has {@code current} (null for none). */
        TxScope scopeFor(TxScope current, String description) {
            if (!annotated || privateMethod || propagation.equals("SUPPORTS")) {
                return current;
            }
            return switch (propagation) {
                case "REQUIRES_NEW", "NESTED" -> newScope(description);
                case "NOT_SUPPORTED", "NEVER" -> null;
                default -> current != null ? current : newScope(description);
            };
        }
    }

    static Declared declared(MethodDeclaration method, TypeDeclaration<?> owner) {
        Optional<AnnotationExpr> onMethod = Annotations.find(method, "Transactional");
        Optional<AnnotationExpr> annotation = onMethod.or(() -> method.isPublic() ? Annotations.find(owner, "Transactional")
                : Optional.empty());
        if (annotation.isEmpty()) {
            return new Declared(runByABatchStep(method, owner), false, "REQUIRED", false);
        }
        String propagation = Annotations.attribute(annotation.get(), "propagation")
                .or(() -> Annotations.attribute(annotation.get(), "value").filter(v -> !v.isStringLiteralExpr()))
                .flatMap(Annotations::constantName).orElse("REQUIRED");
        boolean serializable = Annotations.attribute(annotation.get(), "isolation").flatMap(Annotations::constantName)
                .filter("SERIALIZABLE"::equals).isPresent();
        return new Declared(true, onMethod.isPresent() && method.isPrivate(), propagation, serializable);
    }

    /** Spring Batch runs each tasklet call, and each chunk's processing and writing, in a transaction of the step's. */
    private static final java.util.Map<String, String> BATCH_CALLBACKS = java.util.Map.of(
            "Tasklet", "execute", "ItemWriter", "write", "ItemProcessor", "process");

    private static boolean runByABatchStep(MethodDeclaration method, TypeDeclaration<?> owner) {
        return owner instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration type && type.getImplementedTypes()
                .stream().anyMatch(implemented -> method.getNameAsString().equals(BATCH_CALLBACKS.get(implemented.getNameAsString())));
    }
}
