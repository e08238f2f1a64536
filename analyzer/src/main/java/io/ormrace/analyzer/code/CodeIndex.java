package io.ormrace.analyzer.code;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.ormrace.analyzer.Problem;
import io.ormrace.analyzer.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Every type of the analyzed sources by simple name, with the entities and repositories among them. */
public final class CodeIndex {

    /** A type declaration and the file it is in. */
    public record TypeEntry(String name, TypeDeclaration<?> declaration, SourceFile file) {
    }

    private final Map<String, List<TypeEntry>> types = new HashMap<>();
    private final Map<String, EntityInfo> entities = new HashMap<>();
    private final Map<String, RepositoryInfo> repositories = new HashMap<>();
    private final Map<String, TypeDeclaration<?>> implementors = new HashMap<>();

    public static CodeIndex build(List<SourceFile> files, Schema schema, Consumer<Problem> problems) {
        CodeIndex index = new CodeIndex();
        for (SourceFile file : files) {
            for (TypeDeclaration<?> type : file.unit().findAll(TypeDeclaration.class)) {
                index.types.computeIfAbsent(type.getNameAsString(), name -> new ArrayList<>())
                        .add(new TypeEntry(type.getNameAsString(), type, file));
                if (type instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
                    c.getImplementedTypes().forEach(i -> index.implementors.putIfAbsent(i.getNameAsString(), c));
                }
            }
        }
        new EntityReader(index, schema).readAll();
        new RepositoryReader(index).readAll();
        return index;
    }

    public Optional<TypeEntry> type(String simpleName) {
        List<TypeEntry> entries = types.get(simpleName);
        return entries == null || entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    /** The first class of the sources that implements the interface of this simple name. */
    public Optional<TypeDeclaration<?>> implementor(String interfaceName) {
        return Optional.ofNullable(implementors.get(interfaceName));
    }

    public List<TypeEntry> allTypes() {
        return types.values().stream().flatMap(List::stream).toList();
    }

    public Optional<EntityInfo> entity(String simpleName) {
        return Optional.ofNullable(entities.get(simpleName));
    }

    public Optional<RepositoryInfo> repository(String simpleName) {
        return Optional.ofNullable(repositories.get(simpleName));
    }

    void addEntity(EntityInfo entity) {
        entities.put(entity.name(), entity);
    }

    void addRepository(RepositoryInfo repository) {
        repositories.put(repository.name(), repository);
    }

    /** The simple name of a field's declared type, without type arguments. */
    public Optional<String> fieldType(TypeDeclaration<?> owner, String field) {
        for (FieldDeclaration declaration : owner.getFields()) {
            if (declaration.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(field))) {
                return Optional.of(simpleName(declaration.getElementType()));
            }
        }
        if (owner instanceof ClassOrInterfaceDeclaration type) {
            for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
                Optional<String> inherited = type(parent.getNameAsString())
                        .flatMap(entry -> fieldType(entry.declaration(), field));
                if (inherited.isPresent()) {
                    return inherited;
                }
            }
        }
        return Optional.empty();
    }

    public static String simpleName(Type type) {
        if (type instanceof ClassOrInterfaceType classType) {
            return classType.getNameAsString();
        }
        return type.asString();
    }
}
