package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.ormrace.analyzer.Contained;
import io.ormrace.analyzer.Problem;
import io.ormrace.analyzer.code.Annotations;
import io.ormrace.analyzer.code.CodeIndex;
import io.ormrace.analyzer.code.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The methods an analysis starts from: every method with a body that code outside its class can call, and private
 * methods that carry a {@code @Transactional} of their own. Private helpers are walked from their callers, in context.
 */
public final class EntryPoints {

    private EntryPoints() {
    }

    public static List<Event> walk(CodeIndex index, SourceFile file, Consumer<Problem> problems, WalkLimits limits) {
        List<Event> events = new ArrayList<>();
        for (TypeDeclaration<?> type : CodeIndex.typesOf(file.unit())) {
            if (type instanceof ClassOrInterfaceDeclaration classOrInterface && classOrInterface.isInterface()
                    || index.isEntity(type)) {
                continue;
            }
            String anchorPrefix = type.getFullyQualifiedName().orElse(type.getNameAsString());
            for (MethodDeclaration method : type.getMethods()) {
                if (method.getBody().isEmpty() || (method.isPrivate() && !Annotations.has(method, "Transactional"))) {
                    continue;
                }
                List<Event> found = new ArrayList<>();
                FlowContext context = new FlowContext(index, file, anchorPrefix + "#" + method.getNameAsString(), found::add);
                if (Contained.run(problems, file.path(), method, "walking the method " + type.getNameAsString() + "."
                        + method.getNameAsString(), () -> MethodWalker.walkEntry(context, type, method))) {
                    events.addAll(found);
                }
                limits.counted(context.walked, context.reused);
                if (context.cutoff != null) {
                    limits.add(new WalkLimits.Cutoff(file.path(), method.getBegin().map(p -> p.line).orElse(0),
                            type.getNameAsString() + "." + method.getNameAsString(), context.cutoff));
                }
            }
        }
        return events;
    }
}
