package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.body.CallableDeclaration;
import io.ormrace.analyzer.code.CodeIndex;
import io.ormrace.analyzer.code.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What the walk of one entry method shares across the helpers, beans and lambdas it goes into. */
final class FlowContext {

    static final List<ApiCalls> APIS = List.of(new ModelledCalls(), new JooqCalls(), new MyBatisCalls(), new SpringDataCalls(), new CriteriaCalls(), new JpaCalls(),
            new JdbcCalls(), new TransactionCalls());

    final CodeIndex index;
    final SourceFile file;
    final String anchor;
    private final Consumer<Event> events;
    final Map<TxScope, List<RowOrigin>> rowsByScope = new IdentityHashMap<>();
    final List<Lookup> loadedTables = new ArrayList<>();
    /** Lookups whose check throws, when it finds the row, the exception a unique violation would reach the caller as. */
    final java.util.Set<Lookup> rejectedLikeViolation = new java.util.HashSet<>();
    /**
     * Lookups whose row was taken out of its Optional with {@code orElseThrow()} or {@code get()}: a null test on that row
     * tests another path's value ({@code x = null} before, on a path that did not look it up), not whether it was found.
     */
    final java.util.Set<Lookup> foundForSure = new java.util.HashSet<>();
    /** Calls given the id of a row this walk inserted: a lookup they make races with no one. */
    final java.util.Set<com.github.javaparser.ast.Node> freshKeyCalls =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Lookups made by such calls. */
    final java.util.Set<Lookup> freshKeyLookups = new java.util.HashSet<>();
    /**
     * Lookups that compare a column with a literal ({@code andPermissionEqualTo("*")}): a check for one special row.
     * An insert that does not give that column the same literal makes another row, not the one looked up.
     */
    final Map<Lookup, Map<String, String>> literalKeys = new java.util.HashMap<>();
    /** Counting lookups compared with a limit ({@code claimed >= total}), not with zero: a capacity, not a key. */
    final java.util.Set<Lookup> comparedWithLimit = new java.util.HashSet<>();
    /** The tables this walk inserted rows into (by {@code Names.key}): what a stored count or maximum of them misses. */
    final java.util.Set<String> insertedTables = new java.util.HashSet<>();
    /** Expressions whose value is one column exactly as read, by identity: how a check is written as SQL. */
    final Map<com.github.javaparser.ast.Node, Value.ColumnRef> copies = new IdentityHashMap<>();
    /** Whether a condition is being evaluated: only then are {@link #copies} kept (every expression is a hot path). */
    int inCondition;
    final Deque<CallableDeclaration<?>> stack = new ArrayDeque<>();

    /** Whether the method is being walked already (by identity: a node's equals compares whole trees). */
    boolean walking(CallableDeclaration<?> method) {
        for (CallableDeclaration<?> entered : stack) {
            if (entered == method) {
                return true;
            }
        }
        return false;
    }
    /**
     * How many more calls the walk of this entry point may go into: without a bound, a fan-out of helpers calling
     * helpers (six levels deep in a large framework) costs more than the rest of the analysis together.
     */
    private int inlineBudget = WalkLimits.INLINE_BUDGET;
    /** Lambdas whose bodies are being walked, one inside another's call. */
    int lambdasRunning;
    /**
     * What the walk has done so far, counted for {@link InertMethods}: things that touch the analysis's state (or
     * depend on the caller's), calls gone into, the methods entered in order, the deepest call and lambda nesting.
     */
    int touches;
    int spent;
    final List<CallableDeclaration<?>> entered = new ArrayList<>();
    int deepest;
    int mostLambdas;
    /** Calls walked into, and calls answered by a summary instead: what the summaries save, for the timing line. */
    int walked;
    int reused;
    /** The first limit the walk stopped at, or null. */
    String cutoff;

    FlowContext(CodeIndex index, SourceFile file, String anchor, Consumer<Event> events) {
        this.index = index;
        this.file = file;
        this.anchor = anchor;
        this.events = events;
    }

    boolean spendInline() {
        if (inlineBudget-- > 0) {
            spent++;
            return true;
        }
        stoppedAt("more than " + WalkLimits.INLINE_BUDGET + " calls gone into from one method");
        return false;
    }

    boolean canSpend(int calls) {
        return inlineBudget >= calls;
    }

    void spend(int calls) {
        inlineBudget -= calls;
        spent += calls;
    }

    /** Something happened that a call with other state around it could see differently: its walk is not reusable. */
    void touch() {
        touches++;
    }

    void stoppedAt(String limit) {
        touches++;
        if (cutoff == null) {
            cutoff = limit;
        }
    }

    void emit(Event event) {
        touches++;
        events.accept(event);
    }

    void register(RowOrigin row) {
        touches++;
        if (row.scope != null) {
            rowsByScope.computeIfAbsent(row.scope, scope -> new ArrayList<>()).add(row);
        }
    }
}
