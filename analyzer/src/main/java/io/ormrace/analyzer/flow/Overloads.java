package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.body.MethodDeclaration;
import io.ormrace.analyzer.code.CodeIndex;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of several overloads a call runs, judged from the argument types the source states: {@code find(ctx, name)}
 * with a String is not {@code find(ctx, int id)}, a lambda is no {@code Class<V>}. Value types decide (a String is no int); other class types may be
 * subtypes of each other, so they only count when they are the same.
 */
final class Overloads {

    private static final Map<String, String> UNBOXED = Map.of("Integer", "int", "Long", "long", "Boolean", "boolean",
            "Short", "short", "Byte", "byte", "Double", "double", "Float", "float", "Character", "char");
    private static final Set<String> VALUE_TYPES = Set.of("String", "int", "long", "boolean", "short", "byte", "double",
            "float", "char", "UUID");
    private static final Set<String> WIDENS_TO_LONG = Set.of("int", "short", "byte", "char");
    /** The type of a lambda or method reference argument: a functional interface, never a value or a {@code Class}. */
    static final String FUNCTION = "->";

    private Overloads() {
    }

    static MethodDeclaration best(List<MethodDeclaration> candidates, List<String> argumentTypes) {
        MethodDeclaration best = candidates.get(0);
        int bestScore = Integer.MIN_VALUE;
        for (MethodDeclaration candidate : candidates) {
            int score = 0;
            for (int i = 0; i < Math.min(argumentTypes.size(), candidate.getParameters().size()); i++) {
                score += fit(argumentTypes.get(i), CodeIndex.simpleName(candidate.getParameter(i).getType()));
            }
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static int fit(String argument, String parameter) {
        if (argument == null) {
            return 0;
        }
        if (argument.equals(FUNCTION)) {
            return VALUE_TYPES.contains(parameter) || UNBOXED.containsKey(parameter) || parameter.equals("Class") ? -100 : 0;
        }
        String a = UNBOXED.getOrDefault(argument, argument);
        String p = UNBOXED.getOrDefault(parameter, parameter);
        if (a.equals(p)) {
            return 1;
        }
        if (VALUE_TYPES.contains(a) && VALUE_TYPES.contains(p)) {
            return (p.equals("long") || p.equals("double")) && WIDENS_TO_LONG.contains(a) ? 0 : -100;
        }
        return 0;
    }
}
