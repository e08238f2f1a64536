package io.ormrace.analyzer.code;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import java.util.Map;
import java.util.Optional;

/**
 * The queries declared by name on the sources' classes ({@code @NamedQuery}, {@code @NamedNativeQuery}, in their
 * plural containers too), that {@code em.createNamedQuery("Member.byEmail")} runs.
 */
public final class NamedQueries {

    /** A named query's text, and whether it is SQL rather than JPQL. */
    public record Text(String query, boolean nativeSql) {
    }

    private NamedQueries() {
    }

    static void collect(TypeDeclaration<?> type, Map<String, Text> into) {
        for (AnnotationExpr annotation : type.getAnnotations()) {
            String name = annotation.getName().getIdentifier();
            switch (name) {
                case "NamedQuery", "NamedNativeQuery" -> add(annotation, name.equals("NamedNativeQuery"), into);
                case "NamedQueries", "NamedNativeQueries" -> Annotations.attribute(annotation, "value").ifPresent(value -> {
                    for (Expression element : Annotations.elements(value)) {
                        if (element instanceof AnnotationExpr inner) {
                            add(inner, name.equals("NamedNativeQueries"), into);
                        }
                    }
                });
                default -> {
                }
            }
        }
    }

    private static void add(AnnotationExpr annotation, boolean nativeSql, Map<String, Text> into) {
        Optional<String> name = Annotations.string(annotation, "name");
        Optional<String> query = Annotations.string(annotation, "query");
        if (name.isPresent() && query.isPresent()) {
            into.putIfAbsent(name.get(), new Text(query.get(), nativeSql));
        }
    }
}
