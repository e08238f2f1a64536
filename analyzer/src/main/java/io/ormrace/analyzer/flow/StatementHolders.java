package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.ormrace.analyzer.code.CodeIndex;
import java.util.Optional;
import java.util.Set;

/**
 * Classes of the project that keep a JDBC statement or connection in a field: a fluent query helper ({@code new
 * Query(connection, sql).addParameter(name).executeUpdate()}) is followed into, with the SQL it was made with.
 */
final class StatementHolders {

    private static final Set<String> JDBC_TYPES = Set.of("Connection", "PreparedStatement", "CallableStatement", "Statement",
            "ResultSet");

    private StatementHolders() {
    }

    /** The constructor {@code new type(...)} runs, when type is such a class. */
    static Optional<ConstructorDeclaration> constructor(CodeIndex index, String type, TypeDeclaration<?> from, int arity) {
        return index.type(type, from)
                .map(CodeIndex.TypeEntry::declaration)
                .filter(d -> d instanceof ClassOrInterfaceDeclaration c && !c.isInterface() && !c.isAbstract() && holdsJdbc(c))
                .flatMap(d -> d.getConstructors().stream()
                        .filter(c -> c.getParameters().size() == arity && !c.getBody().getStatements().isEmpty())
                        .findFirst());
    }

    private static boolean holdsJdbc(TypeDeclaration<?> type) {
        for (FieldDeclaration field : type.getFields()) {
            if (!field.isStatic() && JDBC_TYPES.contains(CodeIndex.simpleName(field.getElementType()))) {
                return true;
            }
        }
        return false;
    }
}
