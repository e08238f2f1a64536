package io.ormrace.analyzer.code;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds Spring Data repository interfaces and reads what their declared methods do to the database. */
final class RepositoryReader {

    static final Set<String> SPRING_DATA_BASES = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository", "JpaRepositoryImplementation");

    private static final Pattern DERIVED = Pattern.compile(
            "^(find|read|get|query|search|stream|exists|count)(?:[A-Z]\\w*?)?By([A-Z]\\w*)$");
    private static final Pattern EQUALITY_IN_QUERY = Pattern.compile(
            "(?:\\b\\w+\\.)?(\\w+)\\s*=\\s*(?::\\w+|\\?\\d*)", Pattern.CASE_INSENSITIVE);
    private static final List<String> NON_EQUALITY = List.of("Between", "LessThanEqual", "LessThan", "GreaterThanEqual",
            "GreaterThan", "After", "Before", "IsNull", "Null", "IsNotNull", "NotNull", "NotLike", "Like", "StartingWith",
            "EndingWith", "NotContaining", "Containing", "NotIn", "In", "True", "False", "Not", "Exists", "Regex",
            "Within", "Near", "IsEmpty", "IsNotEmpty");

    private final CodeIndex index;

    RepositoryReader(CodeIndex index) {
        this.index = index;
    }

    void readAll() {
        for (CodeIndex.TypeEntry entry : index.allTypes()) {
            if (entry.declaration() instanceof ClassOrInterfaceDeclaration type && type.isInterface()) {
                entityOf(type, 0).ifPresent(entity -> index.addRepository(read(type, entity)));
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
            if (SPRING_DATA_BASES.contains(parent.getNameAsString())) {
                Optional<String> entity = parent.getTypeArguments().filter(args -> !args.isEmpty())
                        .map(args -> CodeIndex.simpleName(args.get(0)));
                if (entity.isPresent()) {
                    return entity;
                }
            }
            Optional<String> inherited = index.type(parent.getNameAsString())
                    .filter(e -> e.declaration() instanceof ClassOrInterfaceDeclaration)
                    .flatMap(e -> entityOf((ClassOrInterfaceDeclaration) e.declaration(), depth + 1));
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    private RepositoryInfo read(ClassOrInterfaceDeclaration type, String entity) {
        Map<String, RepositoryMethod> methods = new LinkedHashMap<>();
        for (MethodDeclaration method : type.getMethods()) {
            methods.putIfAbsent(method.getNameAsString(), read(method));
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
            columns = equalityColumns(query.get());
            kind = kindOf(name, method.getType());
        } else {
            Matcher derived = DERIVED.matcher(name);
            if (derived.matches()) {
                columns = derivedColumns(derived.group(2));
                kind = kindOf(derived.group(1), method.getType());
            } else {
                columns = List.of();
                kind = RepositoryMethod.Kind.OTHER;
            }
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

    /** {@code NameAndCategoryIgnoreCase} gives name and category; an {@code Or} or a range is no exact lookup. */
    private static List<String> derivedColumns(String predicate) {
        String criteria = predicate.split("OrderBy")[0].replaceAll("AllIgnoreCase$", "");
        if (criteria.matches(".*[a-z0-9]Or[A-Z].*")) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (String part : criteria.split("(?<=[a-z0-9])And(?=[A-Z])")) {
            String property = part.replaceAll("(IgnoreCase|IgnoringCase)$", "").replaceAll("(Is|Equals)$", "");
            for (String operator : NON_EQUALITY) {
                if (property.endsWith(operator) && property.length() > operator.length()) {
                    return List.of();
                }
            }
            columns.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
        }
        return columns;
    }

    static List<String> equalityColumns(String query) {
        String where = query.replaceAll("(?is)^.*?\\bwhere\\b", "");
        if (where.equals(query)) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        Matcher matcher = EQUALITY_IN_QUERY.matcher(where.split("(?i)\\border\\s+by\\b")[0]);
        while (matcher.find()) {
            columns.add(matcher.group(1));
        }
        return columns;
    }
}
