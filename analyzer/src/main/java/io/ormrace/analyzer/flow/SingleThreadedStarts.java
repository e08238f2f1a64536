package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.ormrace.analyzer.code.Annotations;
import io.ormrace.analyzer.code.CallSites;
import io.ormrace.analyzer.code.CodeIndex;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the code a finding is reported in runs only from starts that run once, alone: a {@code main} method (a
 * command-line tool), start-up hooks ({@code @PostConstruct}, {@code afterPropertiesSet}, {@code CommandLineRunner},
 * {@code ApplicationRunner}, a listener of the context's start) and database migrations (Flyway callbacks and Java
 * migrations). Every chain of calls the sources show is followed up to a method nothing calls; one that is any other
 * start (a controller, a listener, a job, a public method called from outside), or a chain longer than the search
 * goes, makes the code concurrent.
 */
public final class SingleThreadedStarts {

    private static final int DEPTH = 8;
    private static final Set<String> START_UP_EVENTS = Set.of("ApplicationReadyEvent", "ContextRefreshedEvent",
            "ApplicationStartedEvent", "ContextStartedEvent");
    /** Each start-up interface with the method it calls once. */
    private static final java.util.Map<String, Set<String>> HOOKS = java.util.Map.of(
            "CommandLineRunner", Set.of("run"), "ApplicationRunner", Set.of("run"),
            "InitializingBean", Set.of("afterPropertiesSet"),
            "JavaMigration", Set.of("migrate"), "BaseJavaMigration", Set.of("migrate"),
            "Callback", Set.of("handle"), "FlywayCallback", Set.of(), "BaseFlywayCallback", Set.of());
    /** A Flyway callback's per-event methods: afterMigrate, beforeClean... */
    private static final java.util.regex.Pattern FLYWAY_EVENTS = java.util.regex.Pattern.compile(
            "(after|before)(Each)?(Migrate|Clean|Validate|Baseline|Repair|Info|Undo)\\w*");

    private SingleThreadedStarts() {
    }

    /** True when the method holding {@code node} is reached only from single-threaded starts. */
    public static boolean only(CodeIndex index, Node node) {
        Optional<MethodDeclaration> method = node.findAncestor(MethodDeclaration.class);
        Optional<TypeDeclaration<?>> owner = method.flatMap(m -> m.findAncestor(TypeDeclaration.class)).map(t -> (TypeDeclaration<?>) t);
        if (method.isEmpty() || owner.isEmpty()) {
            return false;
        }
        Set<MethodDeclaration> walking = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<MethodDeclaration> onlyFromStarts = Collections.newSetFromMap(new IdentityHashMap<>());
        walking.add(method.get());
        return only(index, method.get(), owner.get(), 0, walking, onlyFromStarts);
    }

    /**
     * @param walking         the methods on the chain being followed: a caller among them is a cycle, not a start
     * @param onlyFromStarts  methods already found to be reached only from single-threaded starts (two helpers called
     *                        by one start-up method both lead to it)
     */
    private static boolean only(CodeIndex index, MethodDeclaration method, TypeDeclaration<?> owner, int depth,
            Set<MethodDeclaration> walking, Set<MethodDeclaration> onlyFromStarts) {
        if (isSingleThreadedStart(method, owner)) {
            return true;
        }
        List<CallSites.Site> callers = index.callers(method, owner);
        if (callers.isEmpty() || depth >= DEPTH) {
            return false; // a start of another kind, or further than the search goes
        }
        boolean anyFollowed = false;
        for (CallSites.Site site : callers) {
            if (onlyFromStarts.contains(site.caller())) {
                anyFollowed = true;
                continue;
            }
            if (!walking.add(site.caller())) {
                continue;
            }
            anyFollowed = true;
            boolean single = only(index, site.caller(), site.callerType(), depth + 1, walking, onlyFromStarts);
            walking.remove(site.caller());
            if (!single) {
                return false;
            }
            onlyFromStarts.add(site.caller());
        }
        return anyFollowed;
    }

    static boolean isSingleThreadedStart(MethodDeclaration method, TypeDeclaration<?> owner) {
        String name = method.getNameAsString();
        if (name.equals("main") && method.isStatic() && method.getParameters().size() == 1) {
            return true;
        }
        if (Annotations.has(method, "PostConstruct")) {
            return true;
        }
        if (Annotations.find(method, "EventListener").map(Object::toString)
                .filter(text -> START_UP_EVENTS.stream().anyMatch(text::contains)).isPresent()
                || method.getParameters().stream().anyMatch(p -> START_UP_EVENTS.contains(CodeIndex.simpleName(p.getType())))) {
            return true;
        }
        if (!(owner instanceof ClassOrInterfaceDeclaration type)) {
            return false;
        }
        java.util.List<String> supertypes = new java.util.ArrayList<>();
        type.getImplementedTypes().forEach(t -> supertypes.add(t.getNameAsString()));
        type.getExtendedTypes().forEach(t -> supertypes.add(t.getNameAsString()));
        for (String supertype : supertypes) {
            Set<String> hooks = HOOKS.get(supertype);
            if (hooks != null && (hooks.contains(name) || supertype.contains("Callback") && FLYWAY_EVENTS.matcher(name).matches())) {
                return true;
            }
        }
        return false;
    }
}
