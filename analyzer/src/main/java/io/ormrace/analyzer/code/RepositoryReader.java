package io.ormrace.analyzer.code;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.ormrace.analyzer.Contained;
import io.ormrace.analyzer.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Finds Spring Data repository interfaces and reads what their declared methods do to the database. */
final class RepositoryReader {

    static final Set<String> SPRING_DATA_BASES = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository", "JpaRepositoryImplementation",
            "ReactiveCrudRepository", "ReactiveSortingRepository", "R2dbcRepository");


    private final CodeIndex index;
    private final Consumer<Problem> problems;

    RepositoryReader(CodeIndex index, Consumer<Problem> problems) {
        this.index = index;
        this.problems = problems;
    }

    void readAll() {
        for (CodeIndex.TypeEntry entry : index.allTypes()) {
            if (entry.declaration() instanceof ClassOrInterfaceDeclaration type && type.isInterface()) {
                Contained.run(problems, entry.file().path(), type, "reading the repository " + entry.name(),
                        () -> entityOf(type, 0).ifPresent(entity -> index.addRepository(read(type, entity, entry.file().path()), type)));
            }
        }
    }

    /** The entity of {@code JpaRepository<Post, Long>}, directly, through a repository of the project, or declared. */
    private Optional<String> entityOf(ClassOrInterfaceDeclaration type, int depth) {
        Optional<String> declared = Annotations.find(type, "RepositoryDefinition")
                .flatMap(a -> Annotations.attribute(a, "domainClass"))
                .filter(ClassExpr.class::isInstance).map(e -> CodeIndex.simpleName(((ClassExpr) e).getType()));
        if (declared.isPresent() || depth > 10) {
            return declared;
        }
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            // a project's own Repository<T, ID> is no Spring Data base, unless it extends one
            boolean springData = SPRING_DATA_BASES.contains(parent.getNameAsString())
                    && (parent.getScope().map(scope -> scope.asString().startsWith("org.springframework")).orElse(false)
                            || index.resolve(parent.getNameAsString(), type).isEmpty());
            if (springData) {
                Optional<String> entity = parent.getTypeArguments().filter(args -> !args.isEmpty())
                        .map(args -> CodeIndex.simpleName(args.get(0)));
                if (entity.isPresent()) {
                    return entity;
                }
            }
            Optional<String> inherited = index.type(parent.getNameAsString(), type)
                    .filter(e -> e.declaration() != type && e.declaration() instanceof ClassOrInterfaceDeclaration)
                    .flatMap(e -> entityOf((ClassOrInterfaceDeclaration) e.declaration(), depth + 1));
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    private RepositoryInfo read(ClassOrInterfaceDeclaration type, String entity, String file) {
        Map<String, RepositoryMethod> methods = new LinkedHashMap<>();
        for (MethodDeclaration method : type.getMethods()) {
            Contained.run(problems, file, method, "reading the repository method " + type.getNameAsString() + "."
                    + method.getNameAsString(), () -> {
                        RepositoryMethod read = read(method);
                        methods.putIfAbsent(method.getNameAsString(), read);
                        methods.putIfAbsent(method.getNameAsString() + "/" + method.getParameters().size(), read);
                    });
        }
        return new RepositoryInfo(type.getNameAsString(), entity, methods);
    }

    static RepositoryMethod read(MethodDeclaration method) {
        String name = method.getNameAsString();
        Optional<AnnotationExpr> queryAnnotation = Annotations.find(method, "Query", "NativeQuery");
        Optional<String> query = queryAnnotation.flatMap(q -> Annotations.string(q, "value"));
        boolean nativeQuery = queryAnnotation.filter(q -> Annotations.isTrue(q, "nativeQuery")
                || q.getName().getIdentifier().equals("NativeQuery")).isPresent();
        boolean modifying = Annotations.has(method, "Modifying")
                || query.map(q -> q.strip().toLowerCase(Locale.ROOT)).filter(q -> q.startsWith("update") || q.startsWith("delete")).isPresent();
        Optional<String> lockMode = Annotations.find(method, "Lock").flatMap(a -> Annotations.attribute(a, "value"))
                .flatMap(Annotations::constantName);
        if (lockMode.isEmpty() && nativeQuery && query.isPresent()) {
            lockMode = sqlLock(query.get());
        }
        List<String> columns;
        RepositoryMethod.Kind kind;
        if (modifying) {
            kind = RepositoryMethod.Kind.UPDATE;
            columns = List.of();
        } else if (query.isPresent()) {
            columns = QueryWhere.equalities(query.get());
            kind = kindOf(name, method.getType());
        } else {
            Optional<DerivedQuery> derived = DerivedQuery.parse(name);
            columns = derived.map(DerivedQuery::equalityProperties).orElse(List.of());
            kind = derived.map(parsed -> switch (parsed.subject()) {
                case COUNT -> RepositoryMethod.Kind.COUNT;
                case EXISTS -> RepositoryMethod.Kind.EXISTS;
                case DELETE -> RepositoryMethod.Kind.OTHER;
                case FIND -> kindOf("find", method.getType());
            }).orElse(RepositoryMethod.Kind.OTHER);
        }
        return new RepositoryMethod(name, kind, columns, lockMode, modifying, query, nativeQuery,
                CodeIndex.simpleName(method.getType()));
    }

    /** The lock a SQL text takes, if any. */
    static Optional<String> sqlLock(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (lower.contains(" for update") || lower.contains(" for no key update")) {
            return Optional.of("PESSIMISTIC_WRITE");
        }
        if (lower.contains(" for share") || lower.contains(" lock in share mode") || lower.contains(" for key share")) {
            return Optional.of("PESSIMISTIC_READ");
        }
        return Optional.empty();
    }

    private static RepositoryMethod.Kind kindOf(String prefix, Type returnType) {
        String type = returnType.asString();
        if (prefix.startsWith("exists") || type.equals("boolean") || type.equals("Boolean")) {
            return RepositoryMethod.Kind.EXISTS;
        }
        if (prefix.startsWith("count") || type.equals("long") || type.equals("Long") || type.equals("int")) {
            return RepositoryMethod.Kind.COUNT;
        }
        return RepositoryMethod.Kind.FIND;
    }

}
