package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.ormrace.analyzer.code.ApiModel;
import io.ormrace.analyzer.code.CodeIndex;
import io.ormrace.analyzer.code.EntityInfo;
import io.ormrace.analyzer.schema.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Calls of methods described in a models file ({@link io.ormrace.analyzer.code.ApiModels}): applied before any other. */
final class ModelledCalls implements ApiCalls {

    private static final int SUPERTYPE_LEVELS = 4;

    @Override
    public Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver, String receiverType) {
        if (receiverType == null || !walker.context.index.models().describesAny(call.getNameAsString(), call.getArguments().size())) {
            return Optional.empty(); // checked before the receiver's supertypes are looked up: most calls are no model's
        }
        List<TypeDeclaration<?>> declarations = new ArrayList<>();
        List<String> names = typeNames(walker, receiverType, declarations);
        Optional<ApiModel> model = walker.context.index.models().find(names, call.getNameAsString(), call.getArguments().size());
        if (model.isEmpty()) {
            return Optional.empty();
        }
        List<Value> arguments = walker.arguments(call);
        return Optional.of(apply(walker, call, model.get(), arguments, entity(walker, model.get(), declarations, arguments)));
    }

    private static Value apply(MethodWalker walker, MethodCallExpr call, ApiModel model, List<Value> arguments, EntityInfo entity) {
        String where = model.type() + "." + model.method() + " (modelled at " + model.line() + ")";
        String table = entity != null ? entity.table() : null;
        switch (model.effect()) {
            case READ, EXISTS -> {
                if (table == null) {
                    return Value.UNKNOWN;
                }
                List<String> columns = new ArrayList<>();
                for (String attribute : model.by()) {
                    columns.add(entity.pathColumn(attribute).orElse(null));
                }
                Lookup lookup = columns.isEmpty() || columns.contains(null) ? null
                        : walker.lookup(table, columns, call, where, walker.tx);
                if (model.effect() == ApiModel.Effect.EXISTS) {
                    return new Value.LookupResult(lookup, Value.LookupResult.Kind.EXISTS, null);
                }
                String lock = model.locked() ? "PESSIMISTIC_WRITE" : null;
                boolean refused = lock != null && walker.locked(call, entity.name(), where, false, walker.tx, null);
                RowOrigin row = walker.newRow(table, entity, call, where, lookup, walker.tx, lock);
                row.refusedWithoutTransaction = refused;
                return model.optional() ? new Value.Maybe(new Value.Row(row), lookup) : new Value.Row(row);
            }
            case SAVE, INSERT -> {
                Value saved = model.argument() < arguments.size() ? arguments.get(model.argument()) : Value.UNKNOWN;
                if (saved instanceof Value.Row row && model.effect() == ApiModel.Effect.SAVE) {
                    walker.written(row.origin(), call, where, walker.tx);
                } else if (saved instanceof Value.Fresh fresh) {
                    EntityInfo inserted = walker.context.index.entity(fresh.entity(), walker.owner).orElse(entity);
                    if (inserted != null) {
                        walker.insertedFresh(fresh, inserted.table(), call, where, walker.tx);
                    }
                } else if (table != null && (model.effect() == ApiModel.Effect.INSERT || walker.knownAbsent(table))) {
                    walker.inserted(table, call, where, false, walker.tx);
                }
                return saved;
            }
            case UPDATE, EFFECT -> {
                walker.effect(where, call, null);
                return Value.UNKNOWN;
            }
            default -> {
                return Value.UNKNOWN;
            }
        }
    }

    /** The model's entity, else the first entity among the receiver's supertypes' type arguments, else the argument's. */
    private static EntityInfo entity(MethodWalker walker, ApiModel model, List<TypeDeclaration<?>> declarations, List<Value> arguments) {
        CodeIndex index = walker.context.index;
        if (model.entity() != null) {
            return index.entity(model.entity(), walker.owner).orElse(index.entity(model.entity()).orElse(null));
        }
        for (TypeDeclaration<?> declaration : declarations) {
            if (declaration instanceof ClassOrInterfaceDeclaration type) {
                List<ClassOrInterfaceType> parents = new ArrayList<>(type.getExtendedTypes());
                parents.addAll(type.getImplementedTypes());
                for (ClassOrInterfaceType parent : parents) {
                    Optional<EntityInfo> found = parent.getTypeArguments().stream().flatMap(NodeList::stream)
                            .map(CodeIndex::simpleName).map(name -> index.entity(name, type)).flatMap(Optional::stream).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        for (Value argument : arguments) {
            if (argument instanceof Value.Row row && row.origin().entity() != null) {
                return row.origin().entity();
            }
            if (argument instanceof Value.Fresh fresh) {
                return index.entity(fresh.entity(), walker.owner).orElse(null);
            }
        }
        return null;
    }

    /** The receiver's type name and its supertypes' nearest first, with the declarations the sources have. */
    private static List<String> typeNames(MethodWalker walker, String receiverType, List<TypeDeclaration<?>> declarations) {
        List<String> names = new ArrayList<>();
        names.add(receiverType);
        Set<TypeDeclaration<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<TypeDeclaration<?>> queue = new ArrayDeque<>();
        walker.context.index.type(receiverType, walker.owner).ifPresent(entry -> queue.add(entry.declaration()));
        for (int level = 0; level < SUPERTYPE_LEVELS && !queue.isEmpty(); level++) {
            for (int n = queue.size(); n > 0; n--) {
                TypeDeclaration<?> current = queue.poll();
                if (!seen.add(current)) {
                    continue;
                }
                declarations.add(current);
                if (current instanceof ClassOrInterfaceDeclaration type) {
                    List<ClassOrInterfaceType> parents = new ArrayList<>(type.getExtendedTypes());
                    parents.addAll(type.getImplementedTypes());
                    for (ClassOrInterfaceType parent : parents) {
                        names.add(parent.getNameAsString());
                        walker.context.index.type(parent.getNameAsString(), type).ifPresent(entry -> queue.add(entry.declaration()));
                    }
                }
            }
        }
        return names;
    }
}
