package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The summary of a method called with nothing the analysis follows (no row, lookup or lambda as an argument or
 * receiver; constants, which decide its branches, are part of how it is called): whether its walk touches anything
 * (reads or writes the database, changes what the caller's checks guard, reports, or stops at a limit). Most helpers of a large application touch nothing, and each is called from
 * many entry methods: its first walk decides, once per run, and every later such call reuses the answer.
 *
 * <p>Reusing a summary must give what walking would have given, whatever entry method and thread asks first, so a
 * summary keeps what the walk spent of the limits: calls gone into (the budget), how much deeper the calls and lambdas
 * went, and which methods it went into (a method already being walked on the caller's path would not be entered again).
 */
final class InertMethods {

    /** What walking the method cost. */
    record Summary(int calls, int depth, int lambdas, CallableDeclaration<?>[] entered) {
    }

    /** The walk's counters before a method is walked, to learn its summary after. */
    record Start(int touches, int calls, int entered, int deepest, int lambdas, int calleeDepth, int lambdasRunning) {
    }

    private InertMethods() {
    }

    /**
     * The arguments a summary can be kept for, as its key: unknown values, enum and boolean constants, and string
     * literals with nothing spliced in. Null for a call with anything else (a row, a lookup, a lambda).
     */
    static List<Value> key(Value self, List<Value> arguments) {
        if (self != Value.UNKNOWN) {
            return null;
        }
        for (Value argument : arguments) {
            if (argument != Value.UNKNOWN && !(argument instanceof Value.Constant)
                    && !(argument instanceof Value.Text text && text.spliced().isEmpty())) {
                return null;
            }
        }
        return arguments;
    }

    /** Whether the method is known to touch nothing when called this way here: then it is not walked again. */
    static boolean reuse(FlowContext context, TypeDeclaration<?> type, MethodDeclaration method, List<Value> key,
            int calleeDepth) {
        Summary summary = learned(context, type, method, key);
        if (summary == null || calleeDepth + summary.depth() > WalkLimits.MAX_DEPTH
                || context.lambdasRunning + summary.lambdas() > WalkLimits.MAX_LAMBDAS || !context.canSpend(summary.calls())) {
            return false;
        }
        for (CallableDeclaration<?> entered : summary.entered()) {
            if (context.walking(entered)) {
                return false;
            }
        }
        context.spend(summary.calls());
        context.reused++;
        Collections.addAll(context.entered, summary.entered());
        context.deepest = Math.max(context.deepest, calleeDepth + summary.depth());
        context.mostLambdas = Math.max(context.mostLambdas, context.lambdasRunning + summary.lambdas());
        return true;
    }

    /** Called after the method was entered (its call spent): the counters its walk starts from. */
    static Start start(FlowContext context, int calleeDepth) {
        Start start = new Start(context.touches, context.spent - 1, context.entered.size() - 1, context.deepest,
                context.mostLambdas, calleeDepth, context.lambdasRunning);
        context.deepest = calleeDepth;
        context.mostLambdas = context.lambdasRunning;
        return start;
    }

    /** Called after the walk: keeps the summary when the walk touched nothing and returned nothing the caller follows. */
    static void learn(FlowContext context, TypeDeclaration<?> type, MethodDeclaration method, List<Value> key, Start start,
            Value returned) {
        int depth = context.deepest - start.calleeDepth();
        int lambdas = context.mostLambdas - start.lambdasRunning();
        context.deepest = Math.max(context.deepest, start.deepest());
        context.mostLambdas = Math.max(context.mostLambdas, start.lambdas());
        if (context.touches != start.touches() || returned != Value.UNKNOWN) {
            return;
        }
        CallableDeclaration<?>[] entered = context.entered.subList(start.entered(), context.entered.size())
                .toArray(CallableDeclaration<?>[]::new);
        of(context, type).computeIfAbsent(method, m -> new ConcurrentHashMap<>())
                .putIfAbsent(key, new Summary(context.spent - start.calls(), depth, lambdas, entered));
    }

    /** The summary learned for the method, as a method of {@code type}, called with these arguments, or null. */
    static Summary learned(FlowContext context, TypeDeclaration<?> type, MethodDeclaration method, List<Value> key) {
        Map<List<Value>, Summary> byArguments = of(context, type).get(method);
        return byArguments == null ? null : byArguments.get(key);
    }

    private static Map<MethodDeclaration, Map<List<Value>, Summary>> of(FlowContext context, TypeDeclaration<?> type) {
        return context.index.typeFact(type, "inert methods", t -> Collections.synchronizedMap(new IdentityHashMap<>()));
    }
}
