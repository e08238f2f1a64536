package io.ormrace.analyzer.code;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.ormrace.analyzer.Contained;
import io.ormrace.analyzer.Problem;
import io.ormrace.analyzer.schema.Names;
import io.ormrace.analyzer.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads JPA entities: their tables, columns, version checks, and the unique keys they declare into the schema. */
final class EntityReader {

    private final CodeIndex index;
    private final Schema schema;
    private final Consumer<Problem> problems;

    EntityReader(CodeIndex index, Schema schema, Consumer<Problem> problems) {
        this.index = index;
        this.schema = schema;
        this.problems = problems;
    }

    void readAll() {
        for (CodeIndex.TypeEntry entry : index.allTypes()) {
            if (entry.declaration() instanceof ClassOrInterfaceDeclaration type && !type.isInterface()
                    && (Annotations.has(type, "Entity") || isAggregate(type))) {
                Contained.run(problems, entry.file().path(), type, "reading the entity " + entry.name(),
                        () -> index.addEntity(read(type, entry.file()), type));
            }
        }
    }

    /** A Spring Data JDBC (or R2DBC) aggregate: {@code @Table} from Spring Data, no JPA {@code @Entity}, an {@code @Id}. */
    private static boolean isAggregate(ClassOrInterfaceDeclaration type) {
        return Annotations.has(type, "Table") && !Annotations.has(type, "Entity")
                && type.getFields().stream().anyMatch(field -> Annotations.has(field, "Id"));
    }

    private EntityInfo read(ClassOrInterfaceDeclaration type, SourceFile file) {
        String table = Annotations.find(type, "Table").flatMap(t -> Annotations.string(t, "name")
                        .or(() -> Annotations.string(t, "value")))
                .or(() -> Annotations.find(type, "Entity").flatMap(e -> Annotations.string(e, "name")))
                .map(EntityReader::unquoted)
                .orElse(Names.snake(type.getNameAsString()));
        String where = file.path() + ":" + type.getBegin().map(p -> p.line).orElse(1);
        Mapping mapping = new Mapping();
        collect(type, mapping, 0);
        schema.table(table);
        if (!mapping.id.isEmpty()) {
            schema.addUnique(table, mapping.id, where);
        }
        if (!mapping.naturalId.isEmpty()) {
            schema.addUnique(table, mapping.naturalId, where);
        }
        mapping.uniqueColumns.forEach(column -> schema.addUnique(table, List.of(column), where));
        Annotations.find(type, "Table").ifPresent(t -> readTableConstraints(t, table, where));
        boolean optimisticLocking = Annotations.find(type, "OptimisticLocking")
                .flatMap(a -> Annotations.attribute(a, "type")).flatMap(Annotations::constantName)
                .filter(mode -> mode.equals("DIRTY") || mode.equals("ALL")).isPresent();
        return new EntityInfo(type.getNameAsString(), table, mapping.columns, List.copyOf(mapping.id),
                mapping.versioned || optimisticLocking, mapping.javaTypes, mapping.collections, isAggregate(type));
    }

    private static final class Mapping {
        final Map<String, String> columns = new LinkedHashMap<>();
        final List<String> id = new ArrayList<>();
        final List<String> naturalId = new ArrayList<>();
        final List<String> uniqueColumns = new ArrayList<>();
        final Map<String, String> javaTypes = new LinkedHashMap<>();
        /** The embeddable classes read into this mapping, each once (two that hold each other would never end). */
        final java.util.Set<ClassOrInterfaceDeclaration> embedded = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        final java.util.Set<String> collections = new java.util.HashSet<>();
        boolean versioned;
    }

    /** Fields of the class and of its mapped superclasses. */
    private void collect(ClassOrInterfaceDeclaration type, Mapping mapping, int depth) {
        if (depth > 10) {
            return;
        }
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            index.type(parent.getNameAsString(), type)
                    .filter(entry -> entry.declaration() instanceof ClassOrInterfaceDeclaration)
                    .map(entry -> (ClassOrInterfaceDeclaration) entry.declaration())
                    .filter(superclass -> Annotations.has(superclass, "MappedSuperclass", "Entity"))
                    .ifPresent(superclass -> collect(superclass, mapping, depth + 1));
        }
        for (FieldDeclaration field : type.getFields()) {
            if (field.isStatic() || field.hasModifier(Modifier.Keyword.TRANSIENT) || Annotations.has(field, "Transient")) {
                continue;
            }
            for (VariableDeclarator variable : field.getVariables()) {
                String attribute = variable.getNameAsString();
                Optional<AnnotationExpr> column = Annotations.find(field, "Column");
                String name = column.flatMap(c -> Annotations.string(c, "name").or(() -> Annotations.string(c, "value")))
                        .or(() -> Annotations.find(field, "JoinColumn").flatMap(c -> Annotations.string(c, "name")))
                        .map(EntityReader::unquoted)
                        .orElse(Annotations.has(field, "ManyToOne", "OneToOne") ? Names.snake(attribute) + "_id" : Names.snake(attribute));
                mapping.columns.put(attribute, name);
                mapping.javaTypes.put(attribute, CodeIndex.simpleName(field.getElementType()));
                if (Annotations.has(field, "OneToMany", "ManyToMany", "ElementCollection")) {
                    mapping.collections.add(attribute);
                }
                if (Annotations.has(field, "Id")) {
                    mapping.id.add(name);
                }
                if (Annotations.has(field, "NaturalId")) {
                    mapping.naturalId.add(name);
                }
                if (column.filter(c -> Annotations.isTrue(c, "unique")).isPresent()
                        || Annotations.find(field, "JoinColumn").filter(c -> Annotations.isTrue(c, "unique")).isPresent()) {
                    mapping.uniqueColumns.add(name);
                }
                if (Annotations.has(field, "Version")) {
                    mapping.versioned = true;
                }
                embeddable(field, type).filter(mapping.embedded::add).ifPresent(value -> collect(value, mapping, depth + 1));
            }
        }
    }

    /**
     * The value class of an {@code @Embedded} field, or of a field whose class is {@code @Embeddable}: its fields are
     * columns of the entity's table (without {@code @AttributeOverride}s, by their own names).
     */
    private Optional<ClassOrInterfaceDeclaration> embeddable(FieldDeclaration field, ClassOrInterfaceDeclaration owner) {
        if (Annotations.has(field, "OneToMany", "ManyToMany", "ElementCollection", "ManyToOne", "OneToOne")) {
            return Optional.empty();
        }
        return index.type(CodeIndex.simpleName(field.getElementType()), owner)
                .map(CodeIndex.TypeEntry::declaration)
                .filter(ClassOrInterfaceDeclaration.class::isInstance).map(ClassOrInterfaceDeclaration.class::cast)
                .filter(value -> value != owner && (Annotations.has(value, "Embeddable") || Annotations.has(field, "Embedded")));
    }

    private void readTableConstraints(AnnotationExpr tableAnnotation, String table, String where) {
        Annotations.attribute(tableAnnotation, "uniqueConstraints").ifPresent(value -> {
            for (Expression constraint : Annotations.elements(value)) {
                if (constraint instanceof AnnotationExpr unique) {
                    Annotations.attribute(unique, "columnNames").ifPresent(columns -> schema.addUnique(table,
                            Annotations.elements(columns).stream().map(Annotations::constantString)
                                    .flatMap(Optional::stream).toList(), where));
                }
            }
        });
        Annotations.attribute(tableAnnotation, "indexes").ifPresent(value -> {
            for (Expression indexExpression : Annotations.elements(value)) {
                if (indexExpression instanceof AnnotationExpr indexAnnotation && Annotations.isTrue(indexAnnotation, "unique")) {
                    Annotations.string(indexAnnotation, "columnList").ifPresent(list -> schema.addUnique(table,
                            Arrays.stream(list.split(",")).map(String::strip).map(c -> c.split("\\s+")[0]).toList(), where));
                }
            }
        });
    }

    /** {@code "`App`"} and {@code "\"order\""}: quoting syntax, not part of the name. */
    private static String unquoted(String name) {
        return name.replaceAll("[`\"]", "");
    }
}
