package io.ormrace.analyzer.code;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.ormrace.analyzer.Contained;
import io.ormrace.analyzer.Problem;
import io.ormrace.analyzer.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    /** By declaration, for names resolved to one type among several of the same simple name. */
    private final Map<TypeDeclaration<?>, EntityInfo> entitiesByDeclaration = new IdentityHashMap<>();
    private final Map<TypeDeclaration<?>, RepositoryInfo> repositoriesByDeclaration = new IdentityHashMap<>();
    private final Map<EntityInfo, TypeDeclaration<?>> entityDeclarations = new IdentityHashMap<>();
    private final Map<RepositoryInfo, TypeDeclaration<?>> repositoryDeclarations = new IdentityHashMap<>();
    private final Map<String, TypeDeclaration<?>> implementors = new HashMap<>();
    /** Per type (by identity: a node's hashCode walks its whole subtree), its methods by name and fields' types. */
    private final Map<TypeDeclaration<?>, Members> members = new IdentityHashMap<>();
    private final Map<TypeDeclaration<?>, SourceFile> files = new IdentityHashMap<>();
    private final CallSites callSites = new CallSites();
    private ApiModels models = ApiModels.none();
    private MyBatisMappers myBatis = new MyBatisMappers();
    private final Map<String, NamedQueries.Text> namedQueries = new HashMap<>();
    /** Entities of the classpath by simple name: what a name means where no source type answers to it. */
    private final Map<String, EntityInfo> classpathEntities = new HashMap<>();
    /** Per file, the names resolved in it: filled as the walks ask, read by every walk thread. */
    private final Map<CompilationUnit, java.util.concurrent.ConcurrentHashMap<String, Optional<TypeEntry>>> resolved =
            new IdentityHashMap<>();
    private final Map<TypeDeclaration<?>, String> qualifiedNames = new IdentityHashMap<>();
    /** Facts read from a type's whole body, by kind: worked out once, by the first walk that asks. */
    private final Map<TypeDeclaration<?>, Map<String, Object>> typeFacts =
            java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    private record Members(Map<String, List<MethodDeclaration>> methods, Map<String, String> fieldTypes) {
        static Members of(TypeDeclaration<?> type) {
            Map<String, List<MethodDeclaration>> methods = new HashMap<>();
            Map<String, String> fieldTypes = new HashMap<>();
            for (BodyDeclaration<?> member : type.getMembers()) {
                if (member instanceof MethodDeclaration method) {
                    methods.computeIfAbsent(method.getNameAsString(), n -> new ArrayList<>()).add(method);
                } else if (member instanceof FieldDeclaration field) {
                    String fieldType = simpleName(field.getElementType());
                    field.getVariables().forEach(v -> fieldTypes.putIfAbsent(v.getNameAsString(), fieldType));
                }
            }
            return new Members(methods, fieldTypes);
        }
    }

    public static CodeIndex build(List<SourceFile> files, Schema schema, Consumer<Problem> problems) {
        return build(files, schema, ApiModels.none(), List.of(), problems);
    }

    /** @param classpathEntities  entities of the classpath: known by simple name where no source type has it */
    public static CodeIndex build(List<SourceFile> files, Schema schema, ApiModels models, List<EntityInfo> classpathEntities,
            Consumer<Problem> problems) {
        return build(files, schema, models, new MyBatisMappers(), classpathEntities, problems);
    }

    /** @param myBatis  the statements of the XML mappers; those of annotated mapper interfaces are added here */
    public static CodeIndex build(List<SourceFile> files, Schema schema, ApiModels models, MyBatisMappers myBatis,
            List<EntityInfo> classpathEntities, Consumer<Problem> problems) {
        CodeIndex index = new CodeIndex();
        index.models = models;
        index.myBatis = myBatis;
        files.forEach(file -> index.resolved.put(file.unit(), new java.util.concurrent.ConcurrentHashMap<>()));
        for (SourceFile file : files) {
            for (TypeDeclaration<?> type : typesOf(file.unit())) {
                Contained.run(problems, file.path(), type, "indexing the type " + type.getNameAsString(), () -> {
                    index.members.put(type, Members.of(type));
                    index.files.put(type, file);
                    index.qualifiedNames.put(type, type.getFullyQualifiedName().orElse(type.getNameAsString()));
                    NamedQueries.collect(type, index.namedQueries);
                    index.types.computeIfAbsent(type.getNameAsString(), name -> new ArrayList<>())
                            .add(new TypeEntry(type.getNameAsString(), type, file));
                    if (type instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
                        c.getImplementedTypes().forEach(i -> index.implementors.putIfAbsent(i.getNameAsString(), c));
                    } else if (type instanceof ClassOrInterfaceDeclaration mapper) {
                        myBatis.readAnnotated(mapper, file.path());
                    }
                });
            }
        }
        for (List<TypeEntry> entries : index.types.values()) {
            for (TypeEntry entry : entries) {
                for (List<MethodDeclaration> overloads : index.members.get(entry.declaration()).methods().values()) {
                    for (MethodDeclaration method : overloads) {
                        Contained.run(problems, entry.file().path(), method, "indexing the calls of " + entry.name() + "."
                                + method.getNameAsString(), () -> index.callSites.addCallsOf(method, entry.declaration()));
                    }
                }
            }
        }
        new EntityReader(index, schema, problems).readAll();
        classpathEntities.forEach(entity -> {
            index.classpathEntities.putIfAbsent(entity.name(), entity);
            if (!index.types.containsKey(entity.name())) {
                index.entities.putIfAbsent(entity.name(), entity);
            }
        });
        new RepositoryReader(index, problems).readAll();
        return index;
    }

    public Optional<TypeEntry> type(String simpleName) {
        List<TypeEntry> entries = types.get(simpleName);
        return entries == null || entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    /** A query declared by name with {@code @NamedQuery} or {@code @NamedNativeQuery}. */
    public Optional<NamedQueries.Text> namedQuery(String name) {
        return Optional.ofNullable(namedQueries.get(name));
    }

    /** The statements of MyBatis mappers, by the mapper's simple name. */
    public MyBatisMappers myBatis() {
        return myBatis;
    }

    /** The persistence API methods described as data, the project's own first. */
    public ApiModels models() {
        return models;
    }

    /** The file a type of the sources is declared in. */
    public Optional<SourceFile> fileOf(TypeDeclaration<?> type) {
        return Optional.ofNullable(files.get(type));
    }

    /** The methods a type declares with this name (not inherited ones). */
    public List<MethodDeclaration> methods(TypeDeclaration<?> type, String name) {
        Members found = members.get(type);
        return found == null ? type.getMethodsByName(name) : found.methods().getOrDefault(name, List.of());
    }

    /** The first class of the sources that implements the interface of this simple name. */
    public Optional<TypeDeclaration<?>> implementor(String interfaceName) {
        return Optional.ofNullable(implementors.get(interfaceName));
    }

    /** A fact about a type read from its whole body ({@code kind} names it), worked out once per run. */
    @SuppressWarnings("unchecked")
    public <V> V typeFact(TypeDeclaration<?> type, String kind, java.util.function.Function<TypeDeclaration<?>, V> read) {
        Map<String, Object> facts = typeFacts.computeIfAbsent(type, t -> new java.util.concurrent.ConcurrentHashMap<>());
        Object known = facts.get(kind);
        if (known == null) {
            known = read.apply(type); // two threads may both read it: the same answer, and the first one stored is kept
            Object first = facts.putIfAbsent(kind, known);
            if (first != null) {
                known = first;
            }
        }
        return (V) known;
    }

    /** The calls of a method found in the sources, by the receiver's declared type. */
    public List<CallSites.Site> callers(MethodDeclaration method, TypeDeclaration<?> owner) {
        return callSites.of(method, owner, this);
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

    void addEntity(EntityInfo entity, TypeDeclaration<?> declaration) {
        entities.putIfAbsent(entity.name(), entity);
        entitiesByDeclaration.put(declaration, entity);
        entityDeclarations.put(entity, declaration);
    }

    void addRepository(RepositoryInfo repository, TypeDeclaration<?> declaration) {
        repositories.putIfAbsent(repository.name(), repository);
        repositoriesByDeclaration.put(declaration, repository);
        repositoryDeclarations.put(repository, declaration);
    }

    /**
     * The type of the sources a simple name means where {@code from} is written, as javac resolves it: a type of the
     * same file, a single-type import, the same package, an on-demand import. Empty when the name is imported from
     * outside the sources (a library's {@code Repository}) or no type of the sources has it; when the imports say
     * nothing (a wildcard of a library, a name not imported), the first type of that name.
     */
    public Optional<TypeEntry> resolve(String simpleName, Node from) {
        List<TypeEntry> entries = types.get(simpleName);
        if (entries == null || entries.isEmpty()) {
            return Optional.empty();
        }
        Optional<CompilationUnit> unit = from == null ? Optional.empty() : from.findCompilationUnit();
        if (unit.isEmpty()) {
            return Optional.of(entries.get(0));
        }
        java.util.concurrent.ConcurrentHashMap<String, Optional<TypeEntry>> cache = resolved.get(unit.get());
        if (cache == null) {
            return resolveIn(entries, simpleName, unit.get());
        }
        Optional<TypeEntry> known = cache.get(simpleName); // before computeIfAbsent: its lambda is made at every call
        return known != null ? known : cache.computeIfAbsent(simpleName, name -> resolveIn(entries, name, unit.get()));
    }

    private Optional<TypeEntry> resolveIn(List<TypeEntry> entries, String simpleName, CompilationUnit file) {
        Optional<CompilationUnit> unit = Optional.of(file);
        for (TypeEntry entry : entries) {
            if (entry.file().unit() == unit.get()) {
                return Optional.of(entry);
            }
        }
        for (ImportDeclaration declared : unit.get().getImports()) {
            if (!declared.isAsterisk() && !declared.isStatic() && declared.getName().getIdentifier().equals(simpleName)) {
                String qualified = declared.getNameAsString();
                return entries.stream().filter(e -> qualified.equals(qualifiedName(e))).findFirst();
            }
        }
        String pkg = unit.get().getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        for (TypeEntry entry : entries) {
            if ((pkg + simpleName).equals(qualifiedName(entry))) {
                return Optional.of(entry);
            }
        }
        for (ImportDeclaration declared : unit.get().getImports()) {
            if (declared.isAsterisk() && !declared.isStatic()) {
                String qualified = declared.getNameAsString() + "." + simpleName;
                for (TypeEntry entry : entries) {
                    if (qualified.equals(qualifiedName(entry))) {
                        return Optional.of(entry);
                    }
                }
            }
        }
        return entries.size() == 1 || pkg.isEmpty() ? Optional.of(entries.get(0)) : nearest(entries, pkg, this);
    }

    /** Of types no import names, the one whose package shares the longest prefix with the code's. */
    private static Optional<TypeEntry> nearest(List<TypeEntry> entries, String pkg, CodeIndex index) {
        TypeEntry best = entries.get(0);
        int bestShared = -1;
        for (TypeEntry entry : entries) {
            String qualified = index.qualifiedName(entry);
            int shared = 0;
            while (shared < Math.min(qualified.length(), pkg.length()) && qualified.charAt(shared) == pkg.charAt(shared)) {
                shared++;
            }
            if (shared > bestShared) {
                best = entry;
                bestShared = shared;
            }
        }
        return Optional.of(best);
    }

    private String qualifiedName(TypeEntry entry) {
        String known = qualifiedNames.get(entry.declaration());
        return known != null ? known : entry.declaration().getFullyQualifiedName().orElse(entry.name());
    }

    /** The type a name means where {@code from} is written; the first of that name when {@code from} is null. */
    public Optional<TypeEntry> type(String simpleName, Node from) {
        return from == null ? type(simpleName) : resolve(simpleName, from);
    }

    /** The entity a name means where {@code from} is written: not a DTO of the same simple name in another package. */
    public Optional<EntityInfo> entity(String simpleName, Node from) {
        if (from == null || !types.containsKey(simpleName)) {
            return entity(simpleName);
        }
        Optional<TypeEntry> resolved = resolve(simpleName, from);
        if (resolved.isEmpty()) {
            return Optional.ofNullable(classpathEntities.get(simpleName)); // imported from outside the sources
        }
        return resolved.map(entry -> entitiesByDeclaration.get(entry.declaration()));
    }

    /** The repository a name means where {@code from} is written. */
    public Optional<RepositoryInfo> repository(String simpleName, Node from) {
        if (from == null || !types.containsKey(simpleName)) {
            return repository(simpleName);
        }
        return resolve(simpleName, from).map(entry -> repositoriesByDeclaration.get(entry.declaration()));
    }

    public boolean isEntity(TypeDeclaration<?> declaration) {
        return entitiesByDeclaration.containsKey(declaration);
    }

    /** The class an entity was read from. */
    public Optional<TypeDeclaration<?>> declarationOf(EntityInfo entity) {
        return Optional.ofNullable(entityDeclarations.get(entity));
    }

    /** The entity of a repository, as its declaration's imports name it. */
    public Optional<EntityInfo> entityOf(RepositoryInfo repository) {
        return entity(repository.entity(), repositoryDeclarations.get(repository));
    }

    /** The simple name of a field's declared type, without type arguments. */
    public Optional<String> fieldType(TypeDeclaration<?> owner, String field) {
        return fieldType(owner, field, 0);
    }

    /** Up the superclasses a few levels: {@code class User extends com.vendor.User} names itself. */
    private Optional<String> fieldType(TypeDeclaration<?> owner, String field, int depth) {
        Members declared = members.get(owner);
        if (declared != null) {
            String type = declared.fieldTypes().get(field);
            if (type != null) {
                return Optional.of(type);
            }
        } else {
            for (FieldDeclaration declaration : owner.getFields()) {
                if (declaration.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(field))) {
                    return Optional.of(simpleName(declaration.getElementType()));
                }
            }
        }
        if (owner instanceof ClassOrInterfaceDeclaration type) {
            for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
                Optional<String> inherited = depth >= 8 ? Optional.empty() : type(parent.getNameAsString())
                        .filter(entry -> entry.declaration() != owner)
                        .flatMap(entry -> fieldType(entry.declaration(), field, depth + 1));
                if (inherited.isPresent()) {
                    return inherited;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The types a file declares, nested ones included, found through the type bodies only: walking every node of every
     * file for them cost more than the index itself. Local classes declared inside a method body are left out.
     */
    public static List<TypeDeclaration<?>> typesOf(CompilationUnit unit) {
        List<TypeDeclaration<?>> found = new ArrayList<>();
        java.util.ArrayDeque<TypeDeclaration<?>> pending = new java.util.ArrayDeque<>(unit.getTypes());
        while (!pending.isEmpty()) {
            TypeDeclaration<?> type = pending.poll();
            found.add(type);
            for (BodyDeclaration<?> member : type.getMembers()) {
                if (member instanceof TypeDeclaration<?> nested) {
                    pending.add(nested);
                }
            }
        }
        return found;
    }

    public static String simpleName(Type type) {
        if (type instanceof ClassOrInterfaceType classType) {
            return classType.getNameAsString();
        }
        return type.asString();
    }

    /** {@code var}: parsed without a language level's post-processing, it reads as a class named var. */
    public static boolean isVar(Type type) {
        return type.isVarType() || type instanceof ClassOrInterfaceType classType && classType.getScope().isEmpty()
                && classType.getTypeArguments().isEmpty() && classType.getNameAsString().equals("var");
    }
}
