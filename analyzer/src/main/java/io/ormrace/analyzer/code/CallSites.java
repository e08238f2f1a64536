package io.ormrace.analyzer.code;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each method of the analyzed sources is called from, as far as the source says the receiver's type: calls
 * on {@code this} or on a field whose declared type is the method's class or one of its supertypes.
 */
public final class CallSites {

    /** A call and the method and type it is written in. */
    public record Site(MethodCallExpr call, MethodDeclaration caller, TypeDeclaration<?> callerType) {
    }

    private final Map<String, List<Site>> byName = new HashMap<>();
    /** Per caller (by identity), its local variables' declared types: read once, asked at every call site. */
    private final Map<MethodDeclaration, Map<String, String>> localTypes =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The calls written in a method's body, lambdas and local classes included. */
    void addCallsOf(MethodDeclaration caller, TypeDeclaration<?> type) {
        caller.getBody().ifPresent(body -> SyntaxTrees.forEach(body, MethodCallExpr.class, call -> byName
                .computeIfAbsent(key(call.getNameAsString(), call.getArguments().size()), k -> new ArrayList<>())
                .add(new Site(call, caller, type))));
    }

    /** The calls of {@code method} of {@code owner} whose receiver is known to be of that type. */
    public List<Site> of(MethodDeclaration method, TypeDeclaration<?> owner, CodeIndex index) {
        Set<String> names = typeNames(owner, index);
        List<Site> found = new ArrayList<>();
        for (Site site : byName.getOrDefault(key(method.getNameAsString(), method.getParameters().size()), List.of())) {
            if (site.caller() == method) {
                continue;
            }
            Optional<Expression> scope = site.call().getScope();
            boolean own = scope.isEmpty() || scope.get() instanceof ThisExpr;
            String fieldType = scope.flatMap(s -> fieldName(s)).flatMap(f -> localType(site.caller(), f)
                    .or(() -> index.fieldType(site.callerType(), f))).orElse(null);
            if ((own && site.callerType() == owner) || (fieldType != null && (names.contains(fieldType)
                    || extendsAny(fieldType, names, index, 0)))) {
                found.add(site);
            }
        }
        return found;
    }

    /**
     * The declared type of a local variable or parameter of the caller ({@code NewCommandHandler handler =
     * provider.find(...); handler.process(...)}): a call through an interface the sources implement.
     */
    private Optional<String> localType(MethodDeclaration caller, String name) {
        for (com.github.javaparser.ast.body.Parameter parameter : caller.getParameters()) {
            if (parameter.getNameAsString().equals(name)) {
                return Optional.of(CodeIndex.simpleName(parameter.getType()));
            }
        }
        return Optional.ofNullable(localTypes.computeIfAbsent(caller, CallSites::declaredTypes).get(name));
    }

    /** Each local variable's declared type, by name; the first declaration of a name counts, and {@code var} says none. */
    private static Map<String, String> declaredTypes(MethodDeclaration caller) {
        Map<String, String> types = new HashMap<>();
        Set<String> seen = new HashSet<>();
        caller.getBody().ifPresent(body -> SyntaxTrees.forEach(body, com.github.javaparser.ast.body.VariableDeclarator.class,
                variable -> {
                    if (seen.add(variable.getNameAsString()) && !CodeIndex.isVar(variable.getType())) {
                        types.put(variable.getNameAsString(), CodeIndex.simpleName(variable.getType()));
                    }
                }));
        return types;
    }

    private static Optional<String> fieldName(Expression scope) {
        if (scope instanceof NameExpr name) {
            return Optional.of(name.getNameAsString());
        }
        if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return Optional.of(access.getNameAsString());
        }
        return Optional.empty();
    }

    /** The type's simple name and those of the interfaces and classes it extends or implements (two levels). */
    private static Set<String> typeNames(TypeDeclaration<?> owner, CodeIndex index) {
        Set<String> names = new HashSet<>();
        names.add(owner.getNameAsString());
        if (owner instanceof ClassOrInterfaceDeclaration type) {
            List<ClassOrInterfaceType> parents = new ArrayList<>(type.getImplementedTypes());
            parents.addAll(type.getExtendedTypes());
            for (ClassOrInterfaceType parent : parents) {
                names.add(parent.getNameAsString());
                index.type(parent.getNameAsString()).map(CodeIndex.TypeEntry::declaration)
                        .filter(ClassOrInterfaceDeclaration.class::isInstance).map(ClassOrInterfaceDeclaration.class::cast)
                        .ifPresent(grand -> {
                            grand.getExtendedTypes().forEach(t -> names.add(t.getNameAsString()));
                            grand.getImplementedTypes().forEach(t -> names.add(t.getNameAsString()));
                        });
            }
        }
        return names;
    }

    /**
     * Whether the field's type is an interface that extends one of the names: a Spring Data repository that extends
     * the custom fragment a class implements ({@code SeatRepository extends JpaRepository<...>, SeatRepositoryCustom}).
     */
    private static boolean extendsAny(String type, Set<String> names, CodeIndex index, int depth) {
        if (depth > 3) {
            return false;
        }
        return index.type(type).map(CodeIndex.TypeEntry::declaration).filter(ClassOrInterfaceDeclaration.class::isInstance)
                .map(ClassOrInterfaceDeclaration.class::cast).filter(ClassOrInterfaceDeclaration::isInterface)
                .map(declaration -> declaration.getExtendedTypes().stream().anyMatch(parent -> names.contains(parent.getNameAsString())
                        || extendsAny(parent.getNameAsString(), names, index, depth + 1)))
                .orElse(false);
    }

    private static String key(String name, int arity) {
        return name + "/" + arity;
    }
}
