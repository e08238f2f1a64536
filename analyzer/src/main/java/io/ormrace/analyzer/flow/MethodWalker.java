package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.ormrace.analyzer.code.CodeIndex;
import io.ormrace.analyzer.code.SyntaxTrees;
import io.ormrace.analyzer.schema.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks one method body in order, following what each value is (a row read from the database, a value derived from
 * its columns, a lookup that may be empty), which transaction is in force, and what guards the code. It goes into
 * lambdas, helpers of the same class and other beans' methods, and reports what it sees as {@link Event}s.
 */
public final class MethodWalker {

    /** How many times a loop body is walked at most, to carry what one pass leaves to the next. */
    private static final int LOOP_PASSES = 2;
    /** Library types whose "add" or "put" changes a value in memory, not the world. */
    private static final Set<String> LIBRARY_VALUES = Set.of("String", "StringBuilder", "StringBuffer", "List", "ArrayList",
            "LinkedList", "Set", "HashSet", "TreeSet", "LinkedHashSet", "Map", "HashMap", "TreeMap", "LinkedHashMap",
            "Collection", "Queue", "Deque", "ArrayDeque", "Optional", "Stream", "Logger", "Log", "BigDecimal", "BigInteger",
            "LocalDate", "LocalDateTime", "Instant", "ZonedDateTime", "OffsetDateTime", "Duration", "AtomicInteger",
            "AtomicLong", "ObjectMapper", "JsonNode", "ObjectNode", "ArrayNode", "Model", "ModelMap", "BindingResult",
            "HttpHeaders", "MultiValueMap", "Errors", "ModelAndView", "RedirectAttributes", "Calendar", "Date",
            "JsonObject", "JsonArray", "Properties", "Iterator", "Object");
    /** Names of bean methods that, by convention, do something a second caller would do again. */
    private static final NameShapes.Convention WRITING_VERB = NameShapes.Convention.start(
            "(create|save|insert|add|post|record|book|transfer|pay|charge|refund|send|publish|notify|credit|debit|apply"
                    + "|undo|reverse|generate|increment|decrement|issue|allocate|reserve|grant)(?![a-z])");

    /** Static methods of an entity class that make a new instance: {@code Order.builder()}, {@code Order.of(...)}. */
    private static final NameShapes.Convention FACTORY = NameShapes.Convention.whole(
            "builder|of|valueOf|from[A-Z]?\\w*|create\\w*|new[A-Z]\\w*|with[A-Z]\\w*|instance|empty");
    /** Bean methods that turn something into a new entity instance: a mapper's {@code toEntity(dto)}. */
    private static final NameShapes.Convention MAPPING = NameShapes.Convention.whole(
            "(to|map|convert|create|new|build|from|as)([A-Z]\\w*)?");

    final FlowContext context;
    final TypeDeclaration<?> owner;
    /** This method on the call path from the entry method. */
    final Frame frame;
    final int depth;
    /** How many inlined calls lie between the entry method and this walk. */
    final int hops;
    final Env env;
    TxScope tx;
    /** Why no transaction is in force, when the code suggests one should be. */
    String noTransactionReason;
    Flow flow;
    final Deque<CatchInfo> catches;
    /**
     * Per enclosing try block, the lookups in it that throw when they find nothing ({@code getSingleResult()}), shared
     * with the callees walked inside it: a DAO's {@code getSingleResult()} reaches its caller's catch.
     */
    private Deque<List<Lookup>> throwingWhenAbsent = new ArrayDeque<>(2); // one per try block walked; most have none
    final Value self;
    private final List<Value> returns = new ArrayList<>();
    /** The lookups found empty where the method returns null. */
    private final List<Lookup> nullWhenEmpty = new ArrayList<>();
    private final Set<String> parameters = new HashSet<>();
    /** The flow at each normal exit of the method: what its checks established for the caller. */
    private final List<Flow> exits = new ArrayList<>();

    private MethodWalker(FlowContext context, TypeDeclaration<?> owner, Frame frame, int depth, int hops, Env env,
            TxScope tx, String noTransactionReason, Flow flow, Deque<CatchInfo> catches, Value self) {
        this.context = context;
        this.owner = owner;
        this.frame = frame;
        this.depth = depth;
        this.hops = hops;
        this.env = env;
        this.tx = tx;
        this.noTransactionReason = noTransactionReason;
        this.flow = flow;
        this.catches = catches;
        this.self = self;
        context.deepest = Math.max(context.deepest, depth);
    }

    /** Walks a method as an entry point: called from outside, through the Spring proxy when it is a bean. */
    private static final String DEPTH_LIMIT = "calls nested " + WalkLimits.MAX_DEPTH + " deep";
    private static final String LAMBDA_LIMIT = "lambdas run inside each other " + WalkLimits.MAX_LAMBDAS + " deep";

    static void walkEntry(FlowContext context, TypeDeclaration<?> owner, MethodDeclaration method) {
        Transactions.Declared declared = Transactions.declared(method, owner);
        TxScope tx = declared.begins() ? declared.newScope(owner.getNameAsString() + "." + method.getNameAsString()) : null;
        String reason = declared.privateMethod()
                ? owner.getNameAsString() + "." + method.getNameAsString() + " is @Transactional but private: the Spring proxy "
                        + "cannot intercept a private method, so no transaction is begun"
                : null;
        MethodWalker walker = new MethodWalker(context, owner, Frame.entry(context.file, method), 0, 0, new Env(null), tx, reason, new Flow(),
                new ArrayDeque<>(), Value.UNKNOWN);
        walker.bindParameters(method.getParameters(), List.of());
        context.stack.push(method);
        method.getBody().ifPresent(walker::walkBody);
        context.stack.pop();
        if (tx != null) {
            walker.endScope(tx, walker.frame);
        }
    }

    // ---------------------------------------------------------------- statements

    /** Walks a statement; true when it always leaves the enclosing block (return, throw, break, continue). */
    boolean walk(Statement statement) {
        if (statement instanceof BlockStmt block) {
            return walkBlock(block.getStatements());
        }
        if (statement instanceof ExpressionStmt expression) {
            eval(expression.getExpression());
            return false;
        }
        if (statement instanceof IfStmt ifStmt) {
            return walkIf(ifStmt);
        }
        if (statement instanceof ReturnStmt returnStmt) {
            if (returnStmt.getExpression().filter(Expression::isNullLiteralExpr).isPresent()) {
                context.touch(); // what null tells the caller depends on the lookups the caller made
                if (!flow.emptyLookups.isEmpty()) {
                    nullWhenEmpty.add(flow.emptyLookups.get(flow.emptyLookups.size() - 1));
                }
            }
            returns.add(returnStmt.getExpression().map(this::eval).orElse(Value.UNKNOWN));
            exits.add(flow);
            return true;
        }
        if (statement instanceof ThrowStmt throwStmt) {
            eval(throwStmt.getExpression());
            return true;
        }
        if (statement instanceof BreakStmt || statement instanceof ContinueStmt) {
            return true;
        }
        if (statement instanceof TryStmt tryStmt) {
            return walkTry(tryStmt);
        }
        if (statement instanceof ForEachStmt forEach) {
            Value iterable = eval(forEach.getIterable());
            Value element = iterable instanceof Value.LookupResult result && result.rows() != null
                    ? new Value.Row(result.rows()) : Value.UNKNOWN;
            walkLoop(() -> {
                forEach.getVariable().getVariables().forEach(v -> env.declare(v.getNameAsString(), null, element));
                walkScoped(forEach.getBody());
            });
            return false;
        }
        if (statement instanceof ForStmt forStmt) {
            forStmt.getInitialization().forEach(this::eval);
            walkLoop(() -> {
                forStmt.getCompare().ifPresent(this::eval);
                walkScoped(forStmt.getBody());
                forStmt.getUpdate().forEach(this::eval);
            });
            return false;
        }
        if (statement instanceof WhileStmt whileStmt) {
            walkLoop(() -> {
                eval(whileStmt.getCondition());
                walkScoped(whileStmt.getBody());
            });
            return false;
        }
        if (statement instanceof DoStmt doStmt) {
            walkScoped(doStmt.getBody());
            walkLoop(() -> {
                eval(doStmt.getCondition());
                walkScoped(doStmt.getBody());
            });
            return false;
        }
        if (statement instanceof SwitchStmt switchStmt) {
            walkSwitch(eval(switchStmt.getSelector()), switchStmt.getEntries());
            return false;
        }
        if (statement instanceof SynchronizedStmt synchronizedStmt) {
            eval(synchronizedStmt.getExpression());
            return walk(synchronizedStmt.getBody());
        }
        if (statement instanceof LabeledStmt labeled) {
            return walk(labeled.getStatement());
        }
        if (statement instanceof YieldStmt yieldStmt) {
            returns.add(eval(yieldStmt.getExpression()));
            return true;
        }
        return false;
    }

    /** A method's body, in the flow the caller passed: what holds when it falls off its end is one of its exits. */
    private void walkBody(BlockStmt body) {
        for (Statement statement : body.getStatements()) {
            if (walk(statement)) {
                return;
            }
        }
        exits.add(flow);
    }

    /**
     * What the callee's checks established at every normal exit holds in the caller after the call: a helper that
     * throws when a lookup finds a row ({@code validateNotExists(email)}) leaves the lookup known empty.
     */
    private void establishedFor(Flow caller) {
        if (exits.isEmpty()) {
            return;
        }
        for (Lookup lookup : exits.get(0).emptyLookups) {
            if (!caller.emptyLookups.contains(lookup) && exits.stream().allMatch(exit -> exit.emptyLookups.contains(lookup))) {
                caller.emptyLookups.add(lookup);
            }
        }
        for (Lookup lookup : exits.get(0).rejectedWhenFound) {
            if (!caller.rejectedWhenFound.contains(lookup) && exits.stream().allMatch(exit -> exit.rejectedWhenFound.contains(lookup))) {
                caller.rejectedWhenFound.add(lookup);
            }
        }
    }

    private boolean walkBlock(List<Statement> statements) {
        Flow outer = flow;
        flow = outer.copy();
        try {
            for (Statement statement : statements) {
                if (walk(statement)) {
                    return true;
                }
            }
            return false;
        } finally {
            flow = outer;
        }
    }

    private void walkScoped(Statement statement) {
        Flow outer = flow;
        flow = outer.copy();
        walk(statement);
        flow = outer;
    }

    /**
     * A loop body, walked again from the join of the state before the loop and after a pass while a pass changes what
     * the variables hold (a value carried from one pass to the next), at most {@link #LOOP_PASSES} times. The body may
     * not run at all, so the state after the loop joins the state before it.
     */
    private void walkLoop(Runnable pass) {
        Map<String, Value> before = env.snapshot();
        Map<String, Value> head = before;
        for (int i = 0; i < LOOP_PASSES; i++) {
            env.restore(head);
            pass.run();
            Map<String, Value> next = Env.join(head, env.snapshot());
            next.keySet().retainAll(before.keySet()); // the body's own variables start afresh each pass
            if (!carriesRace(head, next)) {
                head = next;
                break;
            }
            head = next;
        }
        env.restore(Env.join(before, head));
    }

    /** The statement a block ends with, inside nested blocks ({@code case X: { ...; break; }}). */
    private static Statement lastOf(Statement statement) {
        Statement last = statement;
        while (last instanceof BlockStmt block && !block.getStatements().isEmpty()) {
            last = block.getStatements().getLast().get();
        }
        return last;
    }

    /**
     * An enum's constant: of a type of the sources, only if it is an enum that declares it (a class's
     * {@code DEFAULT_STATUS} may be an alias of another constant); of a library type, taken to be one.
     */
    private boolean isEnumConstant(String type, String name) {
        Optional<CodeIndex.TypeEntry> declared = context.index.type(type, owner);
        return declared.isEmpty() || declared.get().declaration() instanceof com.github.javaparser.ast.body.EnumDeclaration enumeration
                && enumeration.getEntries().stream().anyMatch(entry -> entry.getNameAsString().equals(name));
    }

    /** Whether a pass left a variable holding, for the next pass, a value races are made of that it did not hold before. */
    private static boolean carriesRace(Map<String, Value> before, Map<String, Value> after) {
        for (Map.Entry<String, Value> variable : after.entrySet()) {
            Value value = variable.getValue();
            boolean raceValue = value instanceof Value.Scalar || value instanceof Value.Row || value instanceof Value.Maybe
                    || value instanceof Value.LookupResult || value instanceof Value.Presence || value instanceof Value.Fresh
                    || value instanceof Value.Constant; // a flag a pass flips decides the next pass's branches
            Value was = before.get(variable.getKey());
            if ((raceValue || was instanceof Value.Constant) && !value.equals(was)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each entry of a switch starts from the state at the selector, and the state after the switch joins the entries
     * that end there (a {@code break}, the last entry, an arrow), and the selector's state when no entry is a default.
     * An entry without a break falls through into the next one.
     */
    private void walkSwitch(Value selector, NodeList<SwitchEntry> entries) {
        Map<String, Value> before = env.snapshot();
        Map<String, Value> after = null;
        boolean hasDefault = false;
        boolean fallingThrough = false;
        int taken = selector instanceof Value.Constant constant ? Decided.entryTaken(constant, entries) : Decided.UNDECIDED;
        if (taken == -1) {
            return; // no entry is taken for the constant passed, and there is no default
        }
        int first = Math.max(taken, 0);
        for (SwitchEntry entry : entries.subList(first, entries.size())) {
            if (taken >= 0) {
                hasDefault = true; // the entry taken is known: the selector's own state does not flow past the switch
                if (!fallingThrough && entry != entries.get(first)) {
                    break; // the entry taken ended
                }
            }
            hasDefault |= entry.getLabels().isEmpty();
            if (!fallingThrough) {
                env.restore(before);
            }
            entry.getLabels().forEach(this::eval);
            walkBlock(entry.getStatements());
            Statement last = entry.getStatements().isEmpty() ? null : lastOf(entry.getStatements().getLast().get());
            boolean leavesMethod = last instanceof ReturnStmt || last instanceof ThrowStmt || last instanceof ContinueStmt;
            fallingThrough = entry.getType() == SwitchEntry.Type.STATEMENT_GROUP && !(last instanceof BreakStmt) && !leavesMethod;
            if (!leavesMethod && !fallingThrough) {
                after = after == null ? env.snapshot() : Env.join(after, env.snapshot());
            }
        }
        if (fallingThrough) {
            after = after == null ? env.snapshot() : Env.join(after, env.snapshot());
        }
        if (!hasDefault || after == null) {
            after = after == null ? before : Env.join(after, before);
        }
        env.restore(after);
    }

    private boolean walkIf(IfStmt ifStmt) {
        Value condition = evalCondition(ifStmt.getCondition());
        if (condition instanceof Value.Constant decided && decided.isBoolean()) {
            // decided by constants the caller passed: only the branch taken runs
            Optional<Statement> taken = decided.name().equals("true") ? Optional.of(ifStmt.getThenStmt()) : ifStmt.getElseStmt();
            return taken.map(this::walk).orElse(false);
        }
        Set<Value.ColumnRef> refs = refs(condition);
        Value.Presence presence = presence(condition);
        Flow base = flow;

        Node checked = ifStmt.getCondition();
        boolean rejects = presence != null && presence.foundDecides() && (presence.presentWhenTrue() ? Optional.of(ifStmt.getThenStmt())
                : ifStmt.getElseStmt()).filter(MethodWalker::throwsAtEnd).isPresent();
        if (rejects) {
            base = base.copy();
            base.rejectedWhenFound.add(presence.lookup());
            if (presence.lookup() != null && throwsLikeViolation(presence.presentWhenTrue() ? ifStmt.getThenStmt()
                    : ifStmt.getElseStmt().orElseThrow())) {
                context.rejectedLikeViolation.add(presence.lookup());
            }
        }
        Map<String, Value> before = env.snapshot();
        flow = branch(base, refs, presence, true, checked);
        boolean thenExits = walk(ifStmt.getThenStmt());
        Map<String, Value> afterThen = env.snapshot();
        env.restore(before);
        boolean elseExits = false;
        if (ifStmt.getElseStmt().isPresent()) {
            flow = branch(base, refs, presence, false, checked);
            elseExits = walk(ifStmt.getElseStmt().get());
        }
        Map<String, Value> afterElse = env.snapshot();
        flow = base;
        if (thenExits && !elseExits) {
            flow = branch(base, refs, presence, false, checked);
        } else if (elseExits && !thenExits) {
            flow = branch(base, refs, presence, true, checked);
            env.restore(afterThen);
        } else {
            env.restore(Env.join(afterThen, afterElse));
        }
        return thenExits && elseExits;
    }

    /** The parts of a condition that are a column exactly as read ({@code available} in {@code available < n}). */
    private Map<Node, Value.ColumnRef> operands(Node condition) {
        Map<Node, Value.ColumnRef> operands = new IdentityHashMap<>();
        for (Expression part : SyntaxTrees.findAll(condition, Expression.class)) {
            Value.ColumnRef column = context.copies.get(part);
            if (column != null) {
                operands.put(part, column);
            }
        }
        return operands;
    }

    /**
     * The exceptions a unique violation reaches the caller as: a check that throws one of them when it finds the row
     * fails the same way as the insert of a concurrent caller does, so that violation is met as the check's own.
     */
    private static final Set<String> VIOLATION_ERRORS = Set.of("SQLException", "SQLIntegrityConstraintViolationException",
            "DataIntegrityViolationException", "DuplicateKeyException", "EntityExistsException", "ConstraintViolationException",
            "PersistenceException", "DataAccessException");

    private static boolean throwsLikeViolation(Statement statement) {
        if (statement instanceof BlockStmt block) {
            return !block.getStatements().isEmpty() && throwsLikeViolation(block.getStatements().getLast().get());
        }
        return statement instanceof ThrowStmt thrown && thrown.getExpression() instanceof ObjectCreationExpr created
                && VIOLATION_ERRORS.contains(created.getType().getNameAsString());
    }

    /** A throw, or a block that ends with one: the branch rejects what it found. */
    private static boolean throwsAtEnd(Statement statement) {
        if (statement instanceof BlockStmt block) {
            return !block.getStatements().isEmpty() && throwsAtEnd(block.getStatements().getLast().get());
        }
        return statement instanceof ThrowStmt;
    }

    /** The flow inside one branch of a condition: guarded by its columns, and knowing whether a lookup was empty. */
    private Flow branch(Flow base, Set<Value.ColumnRef> refs, Value.Presence presence, boolean whenTrue, Node condition) {
        Flow flow = base.copy();
        flow.guards.addAll(refs);
        if (!refs.isEmpty()) {
            flow.regions.add(new Guard(refs, condition, whenTrue, operands(condition)));
        }
        if (presence != null && presence.lookup() != null && presence.presentWhenTrue() != whenTrue) {
            flow.emptyLookups.add(presence.lookup());
        }
        return flow;
    }

    private boolean walkTry(TryStmt tryStmt) {
        tryStmt.getResources().forEach(this::eval);
        List<CatchInfo> infos = tryStmt.getCatchClauses().stream().map(CatchInfo::of).toList();
        for (int i = infos.size() - 1; i >= 0; i--) {
            catches.push(infos.get(i));
        }
        Map<String, Value> before = env.snapshot();
        boolean tryExits;
        List<Lookup> absent = new ArrayList<>();
        throwingWhenAbsent.push(absent);
        try {
            tryExits = walk(tryStmt.getTryBlock());
        } finally {
            infos.forEach(info -> catches.pop());
            throwingWhenAbsent.pop();
        }
        Map<String, Value> afterTry = env.snapshot();
        // a catch runs after any part of the try block: from the state before it or after it
        Map<String, Value> inCatch = Env.join(before, afterTry);
        Map<String, Value> after = tryExits ? null : afterTry;
        boolean catchesExit = true;
        for (CatchClause clause : tryStmt.getCatchClauses()) {
            env.restore(inCatch);
            env.declare(clause.getParameter().getNameAsString(), null, Value.UNKNOWN);
            Flow outer = flow;
            if (CatchInfo.of(clause).catchesAbsence()) {
                flow = flow.copy();
                absent.stream().filter(lookup -> !flow.emptyLookups.contains(lookup)).forEach(flow.emptyLookups::add);
            }
            boolean exits;
            try {
                exits = walk(clause.getBody());
            } finally {
                flow = outer;
            }
            catchesExit &= exits;
            if (!exits) {
                after = after == null ? env.snapshot() : Env.join(after, env.snapshot());
            }
        }
        env.restore(after != null ? after : Env.join(inCatch, env.snapshot()));
        tryStmt.getFinallyBlock().ifPresent(this::walk);
        return tryExits && catchesExit;
    }

    // ---------------------------------------------------------------- expressions

    Value eval(Expression expression) {
        Value value = evaluate(expression);
        if (context.inCondition > 0) {
            if (value instanceof Value.Scalar scalar && scalar.copy()) {
                context.copies.put(expression, scalar.sources().iterator().next());
            } else {
                context.copies.remove(expression); // a helper walked again with other arguments
            }
        }
        return value;
    }

    /** A condition: the parts of it that are a column as read are remembered, to write the check as SQL. */
    private Value evalCondition(Expression condition) {
        context.inCondition++;
        try {
            return eval(condition);
        } finally {
            context.inCondition--;
        }
    }

    private Value evaluate(Expression expression) {
        if (expression instanceof MethodCallExpr call) {
            return call(call);
        }
        if (expression instanceof NameExpr name) {
            return name(name.getNameAsString());
        }
        if (expression instanceof VariableDeclarationExpr declaration) {
            for (VariableDeclarator variable : declaration.getVariables()) {
                Value value = variable.getInitializer().map(this::eval).orElse(Value.UNKNOWN);
                String type = CodeIndex.isVar(variable.getType()) ? null : CodeIndex.simpleName(variable.getType());
                env.declare(variable.getNameAsString(), type, typed(type, value));
            }
            return Value.UNKNOWN;
        }
        if (expression instanceof AssignExpr assign) {
            return assign(assign);
        }
        if (expression instanceof StringLiteralExpr literal) {
            return new Value.Text(Literals.text(literal));
        }
        if (expression instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr literal) {
            return Value.Constant.of(literal.getValue());
        }
        if (expression instanceof TextBlockLiteralExpr block) {
            return new Value.Text(block.asString());
        }
        if (expression instanceof BinaryExpr binary) {
            return binary(binary);
        }
        if (expression instanceof UnaryExpr unary) {
            return unary(unary);
        }
        if (expression instanceof ConditionalExpr conditional) {
            return conditional(conditional);
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return eval(enclosed.getInner());
        }
        if (expression instanceof CastExpr cast) {
            return eval(cast.getExpression());
        }
        if (expression instanceof FieldAccessExpr access) {
            return fieldAccess(access);
        }
        if (expression instanceof ObjectCreationExpr creation) {
            return creation(creation);
        }
        if (expression instanceof LambdaExpr lambda) {
            return Value.Lambda.of(lambda, env, this);
        }
        if (expression instanceof ThisExpr && self instanceof Value.Holder) {
            return self; // return this: a fluent helper's calls chain on the same object
        }
        if (expression instanceof MethodReferenceExpr reference && reference.getScope() instanceof ThisExpr) {
            return findMethod(owner, reference.getIdentifier()).filter(m -> m.getBody().isPresent())
                    .<Value>map(m -> new Value.Lambda(m.getParameters(), m.getBody().get(), new Env(null), this))
                    .orElse(Value.UNKNOWN);
        }
        if (expression instanceof SwitchExpr switchExpr) {
            walkSwitch(eval(switchExpr.getSelector()), switchExpr.getEntries());
            return Value.UNKNOWN;
        }
        SyntaxTrees.children(expression).stream().filter(Expression.class::isInstance).map(Expression.class::cast)
                .forEach(this::eval);
        return Value.UNKNOWN;
    }

    private Value name(String name) {
        Optional<Value> local = env.value(name);
        if (local.isPresent()) {
            return local.get();
        }
        if (self instanceof Value.Row row && isAttribute(row.origin(), name)) {
            return Value.Scalar.read(ref(row.origin(), name));
        }
        if (self instanceof Value.Holder holder) {
            return holder.fields.getOrDefault(name, Value.UNKNOWN);
        }
        return Value.UNKNOWN;
    }

    private Value fieldAccess(FieldAccessExpr access) {
        if (access.getScope() instanceof ThisExpr) {
            if (self instanceof Value.Holder holder) {
                return holder.fields.getOrDefault(access.getNameAsString(), Value.UNKNOWN);
            }
            // this.quantity is the field even where a parameter of the same name hides it
            return self instanceof Value.Row row && isAttribute(row.origin(), access.getNameAsString())
                    ? Value.Scalar.read(ref(row.origin(), access.getNameAsString())) : name(access.getNameAsString());
        }
        if (access.getScope() instanceof NameExpr type && Character.isUpperCase(type.getNameAsString().charAt(0))
                && !env.isLocal(type.getNameAsString()) && NameShapes.constant(access.getNameAsString())
                && context.index.fieldType(owner, type.getNameAsString()).isEmpty() && isEnumConstant(type.getNameAsString(),
                        access.getNameAsString())) {
            return new Value.Constant(access.getNameAsString()); // EventType.PROPOSAL
        }
        Value scope = eval(access.getScope());
        if (scope instanceof Value.Row row && isAttribute(row.origin(), access.getNameAsString())) {
            return Value.Scalar.read(ref(row.origin(), access.getNameAsString()));
        }
        return Value.UNKNOWN;
    }

    private Value assign(AssignExpr assign) {
        Value value = eval(assign.getValue());
        Expression target = assign.getTarget();
        if (assign.getOperator() != AssignExpr.Operator.ASSIGN) {
            value = combine(eval(target), value);
        }
        if (target instanceof NameExpr name) {
            if (env.isLocal(name.getNameAsString())) {
                env.assign(name.getNameAsString(), value);
            } else if (self instanceof Value.Row row && isAttribute(row.origin(), name.getNameAsString())) {
                change(row, name.getNameAsString(), value, assign);
            } else if (self instanceof Value.Holder holder) {
                holder.fields.put(name.getNameAsString(), value);
            }
        } else if (target instanceof FieldAccessExpr access) {
            Value scope = access.getScope() instanceof ThisExpr ? self : eval(access.getScope());
            if (scope instanceof Value.Row row) {
                change(row, access.getNameAsString(), value, assign);
            } else if (scope instanceof Value.Holder holder) {
                holder.fields.put(access.getNameAsString(), value);
            }
        }
        return value;
    }

    private Value binary(BinaryExpr binary) {
        Value left = eval(binary.getLeft());
        Value right = eval(binary.getRight());
        BinaryExpr.Operator operator = binary.getOperator();
        if (operator == BinaryExpr.Operator.PLUS && left instanceof Value.Text l) {
            return l.append(right);
        }
        if (operator == BinaryExpr.Operator.PLUS && right instanceof Value.Text r && !(left instanceof Value.Text)) {
            return r.prepend(left);
        }
        if (operator == BinaryExpr.Operator.PLUS && (left instanceof Value.MaxOf || right instanceof Value.MaxOf)) {
            Value.MaxOf max = left instanceof Value.MaxOf l ? l : (Value.MaxOf) right;
            return new Value.NextKey(max.lookup(), max.column());
        }
        Value decided = Decided.binary(operator, left, right);
        if (decided != null) {
            return decided;
        }
        if (operator == BinaryExpr.Operator.EQUALS || operator == BinaryExpr.Operator.NOT_EQUALS) {
            boolean equals = operator == BinaryExpr.Operator.EQUALS;
            if (binary.getRight() instanceof NullLiteralExpr && lookupOf(left) != null && !foundForSure(left)) {
                return new Value.Presence(lookupOf(left), !equals, refs(left));
            }
            if (binary.getLeft() instanceof NullLiteralExpr && lookupOf(right) != null && !foundForSure(right)) {
                return new Value.Presence(lookupOf(right), !equals, refs(right));
            }
        }
        Value.Presence count = countComparison(left, right, binary.getRight(), operator);
        if (count != null) {
            return count;
        }
        Value.Presence limit = limitComparison(left, right, binary.getLeft(), binary.getRight(), operator);
        if (limit != null) {
            return limit;
        }
        if ((operator == BinaryExpr.Operator.AND || operator == BinaryExpr.Operator.OR)
                && (lookupTest(left) == null) != (lookupTest(right) == null)) {
            // total != 0 && taken >= total, x == null || x.isExpired(): the other part is a condition on something
            // else, and on some path the test on the lookup alone decides (a may analysis, as joins are)
            boolean testedOnTheLeft = lookupTest(left) != null;
            Value.Presence tested = testedOnTheLeft ? lookupTest(left) : lookupTest(right);
            Set<Value.ColumnRef> sources = new HashSet<>(tested.sources());
            sources.addAll(refs(testedOnTheLeft ? right : left));
            // found always takes a branch only when it alone makes an || true, or alone makes an && false
            boolean foundDecides = tested.foundDecides() && ((operator == BinaryExpr.Operator.OR) == tested.presentWhenTrue());
            return new Value.Presence(tested.lookup(), tested.presentWhenTrue(), Set.copyOf(sources), foundDecides);
        }
        return combine(left, right);
    }

    private boolean foundForSure(Value value) {
        return value instanceof Value.Row row && context.foundForSure.contains(row.origin().lookup);
    }

    /** {@code count == 0}, {@code count > 0} on the result of a counting lookup. */
    private static Value.Presence countComparison(Value left, Value right, Expression rightExpression, BinaryExpr.Operator operator) {
        if (!(left instanceof Value.LookupResult result) || result.kind() != Value.LookupResult.Kind.COUNT
                || !(rightExpression instanceof IntegerLiteralExpr literal)) {
            return null;
        }
        int n = Literals.intValue(literal).orElse(-1); // out of int's range: no count ormrace compares
        return switch (operator) {
            case EQUALS -> n == 0 ? new Value.Presence(result.lookup(), false) : null;
            case NOT_EQUALS, GREATER -> n == 0 ? new Value.Presence(result.lookup(), true) : null;
            case LESS_EQUALS -> n == 0 ? new Value.Presence(result.lookup(), false) : null;
            case LESS -> n == 1 ? new Value.Presence(result.lookup(), false) : null;
            case GREATER_EQUALS -> n == 1 ? new Value.Presence(result.lookup(), true) : null;
            default -> null;
        };
    }

    /**
     * {@code claimed >= total}, {@code count < limit}: a count of rows compared with a value other than 0 or 1 (a
     * capacity). True means full for {@code >=} and {@code >}, room left for {@code <} and {@code <=}; the count on the
     * right is read the other way round.
     */
    private Value.Presence limitComparison(Value left, Value right, Expression leftExpression, Expression rightExpression,
            BinaryExpr.Operator operator) {
        boolean countLeft = left instanceof Value.LookupResult l && l.kind() == Value.LookupResult.Kind.COUNT;
        boolean countRight = right instanceof Value.LookupResult r && r.kind() == Value.LookupResult.Kind.COUNT;
        if (countLeft == countRight) {
            return null;
        }
        Expression other = countLeft ? rightExpression : leftExpression;
        if (other instanceof IntegerLiteralExpr literal && Literals.intValue(literal).orElse(-1) <= 1) {
            return null; // 0 or 1: whether any row exists, as countComparison reads it
        }
        Lookup lookup = ((Value.LookupResult) (countLeft ? left : right)).lookup();
        if (lookup == null) {
            return null;
        }
        BinaryExpr.Operator read = countLeft ? operator : switch (operator) {
            case GREATER -> BinaryExpr.Operator.LESS;
            case GREATER_EQUALS -> BinaryExpr.Operator.LESS_EQUALS;
            case LESS -> BinaryExpr.Operator.GREATER;
            case LESS_EQUALS -> BinaryExpr.Operator.GREATER_EQUALS;
            default -> operator;
        };
        Boolean fullWhenTrue = switch (read) {
            case GREATER, GREATER_EQUALS -> true;
            case LESS, LESS_EQUALS -> false;
            default -> null;
        };
        if (fullWhenTrue == null) {
            return null;
        }
        context.comparedWithLimit.add(lookup);
        return new Value.Presence(lookup, fullWhenTrue);
    }

    private Value unary(UnaryExpr unary) {
        Value operand = eval(unary.getExpression());
        if (unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT && operand instanceof Value.Constant c && c.isBoolean()) {
            return Value.Constant.of(c == Value.Constant.FALSE || c.name().equals("false"));
        }
        if (unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT && presence(operand) != null) {
            Value.Presence presence = presence(operand);
            return new Value.Presence(presence.lookup(), !presence.presentWhenTrue(), presence.sources(), presence.foundDecides());
        }
        if (unary.getOperator().isPostfix() || unary.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                || unary.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT) {
            Expression target = unary.getExpression();
            Value computed = operand instanceof Value.Scalar scalar ? new Value.Scalar(scalar.sources()) : operand;
            if (target instanceof NameExpr name && env.isLocal(name.getNameAsString())) {
                env.assign(name.getNameAsString(), computed);
            } else if (target instanceof NameExpr name && self instanceof Value.Row row) {
                change(row, name.getNameAsString(), computed, unary);
            } else if (target instanceof FieldAccessExpr access) {
                Value scope = access.getScope() instanceof ThisExpr ? self : eval(access.getScope());
                if (scope instanceof Value.Row row) {
                    change(row, access.getNameAsString(), computed, unary);
                }
            }
        }
        return operand instanceof Value.Scalar scalar ? new Value.Scalar(scalar.sources()) : Value.UNKNOWN;
    }

    private Value conditional(ConditionalExpr conditional) {
        Value condition = evalCondition(conditional.getCondition());
        if (condition instanceof Value.Constant decided && decided.isBoolean()) {
            return eval(decided.name().equals("true") ? conditional.getThenExpr() : conditional.getElseExpr());
        }
        Set<Value.ColumnRef> refs = refs(condition);
        Value.Presence presence = presence(condition);
        Flow base = flow;
        flow = branch(base, refs, presence, true, conditional.getCondition());
        Value then = eval(conditional.getThenExpr());
        flow = branch(base, refs, presence, false, conditional.getCondition());
        Value otherwise = eval(conditional.getElseExpr());
        flow = base;
        if (then instanceof Value.Maybe maybe && maybe.lookup() == null && presence != null) {
            then = new Value.Maybe(maybe.content(), presence.lookup());
        }
        if (otherwise instanceof Value.Maybe maybe && maybe.lookup() == null && presence != null) {
            otherwise = new Value.Maybe(maybe.content(), presence.lookup());
        }
        return lookupOf(then) != null || then instanceof Value.Scalar ? then : otherwise;
    }

    private Value creation(ObjectCreationExpr creation) {
        List<Value> arguments = creation.getArguments().stream().map(this::eval).toList();
        List<MethodDeclaration> callbacks = creation.getAnonymousClassBody().stream().flatMap(NodeList::stream)
                .filter(MethodDeclaration.class::isInstance).map(MethodDeclaration.class::cast)
                .filter(m -> m.getBody().isPresent() && !m.isStatic()).toList();
        if (callbacks.size() == 1) { // a callback object: its method runs where it is passed, like a lambda
            return new Value.Lambda(callbacks.get(0).getParameters(), callbacks.get(0).getBody().get(), env, this);
        }
        String type = creation.getType().getNameAsString();
        if (type.endsWith("Example") && arguments.isEmpty() && !context.index.entity(type, owner).isPresent()) {
            return new Value.Example();
        }
        if (arguments.isEmpty() && context.index.myBatis().mapsObjects(type) && !context.index.entity(type, owner).isPresent()) {
            return new Value.Built(type);
        }
        if (context.index.entity(type, owner).isPresent()) {
            return new Value.Fresh(type, arguments.stream().filter(Value.NextKey.class::isInstance).map(Value.NextKey.class::cast)
                    .findFirst().orElse(null));
        }
        if (arguments.size() == 1 && (arguments.get(0) instanceof Value.LoadedTable
                || arguments.get(0) instanceof Value.LookupResult)) {
            return arguments.get(0);
        }
        return StatementHolders.constructor(context.index, type, owner, arguments.size())
                .<Value>map(constructor -> construct(creation, constructor, arguments)).orElse(Value.UNKNOWN);
    }

    /** Runs the constructor of an object that keeps a JDBC statement or connection, with {@code this} being the new object. */
    private Value construct(ObjectCreationExpr creation, ConstructorDeclaration constructor, List<Value> arguments) {
        TypeDeclaration<?> type = (TypeDeclaration<?>) constructor.getParentNode().orElseThrow();
        Value.Holder holder = new Value.Holder(type);
        if (depth >= WalkLimits.MAX_DEPTH) {
            context.stoppedAt(DEPTH_LIMIT);
            return holder;
        }
        if (!context.spendInline()) {
            return holder;
        }
        Frame calleeFrame = frame.enter(creation, context.index.fileOf(type).orElse(null), constructor);
        MethodWalker walker = new MethodWalker(context, type, calleeFrame, depth + 1, hops + 1, new Env(null), tx,
                noTransactionReason, flow.copy(), catches, holder);
        walker.throwingWhenAbsent = throwingWhenAbsent;
        walker.bindParameters(constructor.getParameters(), arguments);
        walker.walkBody(constructor.getBody());
        walker.establishedFor(flow);
        return holder;
    }

    // ---------------------------------------------------------------- calls

    private Value call(MethodCallExpr call) {
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty() || scope.get() instanceof ThisExpr) {
            return callOwn(call).orElseGet(() -> evalArguments(call));
        }
        if (scope.get() instanceof NameExpr name && name.getNameAsString().equals("Optional") && !env.isLocal("Optional")) {
            return optionalFactory(call);
        }
        if (scope.get() instanceof NameExpr name && !env.isLocal(name.getNameAsString())
                && context.index.fieldType(owner, name.getNameAsString()).isEmpty()
                && context.index.entity(name.getNameAsString(), owner).isPresent()) {
            arguments(call);
            return FACTORY.test(call.getNameAsString()) ? new Value.Fresh(name.getNameAsString()) : Value.UNKNOWN;
        }
        Value receiver = eval(scope.get());
        String receiverType = staticType(scope.get());
        if (receiver instanceof Value.Lambda lambda && !call.getNameAsString().startsWith("and")
                && !call.getNameAsString().equals("compose")) {
            return invoke(lambda, call.getArguments().stream().map(this::eval).toList(), flow);
        }
        if (receiver instanceof Value.Holder holder) {
            Optional<MethodDeclaration> method = findMethod(holder.declaration, call).filter(m -> m.getBody().isPresent());
            if (method.isPresent()) {
                return inline(method.get(), holder.declaration, call, tx, noTransactionReason, holder);
            }
        }
        for (ApiCalls api : FlowContext.APIS) {
            Optional<Value> handled = api.handle(this, call, receiver, receiverType);
            if (handled.isPresent()) {
                context.touch();
                return handled.get();
            }
        }
        Optional<Value> generic = ValueCalls.handle(this, call, receiver);
        if (generic.isPresent()) {
            return generic.get();
        }
        if (receiverType != null) {
            if (WRITING_VERB.test(call.getNameAsString()) && isCollaborator(receiverType)) {
                // the arguments are evaluated once, by the call below; a variable's value can be looked at without that
                Value first = !call.getArguments().isEmpty() && call.getArgument(0) instanceof NameExpr passed
                        ? env.value(passed.getNameAsString()).orElse(Value.UNKNOWN) : Value.UNKNOWN;
                effect(receiverType + "." + call.getNameAsString() + "(...)", call,
                        first instanceof Value.Row row ? row.origin() : null);
            }
            Optional<Value> bean = callBean(receiverType, call);
            if (bean.isPresent()) {
                return bean.get();
            }
        }
        return evalArguments(call);
    }

    private Value optionalFactory(MethodCallExpr call) {
        return switch (call.getNameAsString()) {
            case "of", "ofNullable" -> {
                Value content = call.getArguments().isEmpty() ? Value.UNKNOWN : eval(call.getArgument(0));
                yield new Value.Maybe(content, lookupOf(content));
            }
            case "empty" -> new Value.Maybe(Value.UNKNOWN, null);
            default -> evalArguments(call);
        };
    }

    /** Evaluates the arguments of a call ormrace knows nothing about; lambdas among them run in place. */
    Value evalArguments(MethodCallExpr call) {
        for (Expression argument : call.getArguments()) {
            Value value = eval(argument);
            if (value instanceof Value.Lambda lambda) {
                invoke(lambda, List.of(), flow);
            }
        }
        return Value.UNKNOWN;
    }

    List<Value> arguments(MethodCallExpr call) {
        List<Value> values = call.getArguments().stream().map(this::eval).toList();
        if (values.contains(Value.FreshKey.INSTANCE)) {
            context.freshKeyCalls.add(call);
        }
        return values;
    }

    /** Runs a lambda body where it is invoked, with the variables it captured where it was written. */
    Value invoke(Value.Lambda lambda, List<Value> arguments, Flow invokedWith) {
        MethodWalker definer = lambda.definedIn();
        // the body is code of the method that wrote it: its calls are as deep as that method's
        MethodWalker walker = new MethodWalker(context, definer.owner, definer.frame, definer.depth, definer.hops,
                new Env(lambda.captured()), tx, noTransactionReason, invokedWith.copy(), catches, definer.self);
        walker.throwingWhenAbsent = throwingWhenAbsent;
        NodeList<Parameter> parameters = lambda.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            String type = parameter.getType().isUnknownType() || CodeIndex.isVar(parameter.getType())
                    ? null : CodeIndex.simpleName(parameter.getType());
            walker.env.declare(parameter.getNameAsString(), type, i < arguments.size() ? arguments.get(i) : Value.UNKNOWN);
        }
        if (context.lambdasRunning >= WalkLimits.MAX_LAMBDAS) {
            context.stoppedAt(LAMBDA_LIMIT);
            return Value.UNKNOWN;
        }
        context.lambdasRunning++;
        context.mostLambdas = Math.max(context.mostLambdas, context.lambdasRunning);
        try {
            Statement body = lambda.body();
            if (body instanceof ExpressionStmt expression) {
                return walker.eval(expression.getExpression());
            }
            walker.walk(body);
            return walker.returnValue();
        } finally {
            context.lambdasRunning--;
        }
    }

    /** A bean the class calls: another type of the project, or one the sources do not have, but no library value type. */
    private boolean isCollaborator(String type) {
        return context.index.repository(type, owner).isEmpty() && context.index.entity(type, owner).isEmpty()
                && !LIBRARY_VALUES.contains(type) && !type.endsWith("Builder") && !type.endsWith("Mapper");
    }

    /** A method of this class: inlined, with the caller's transaction, since a call on this bypasses any proxy. */
    private Optional<Value> callOwn(MethodCallExpr call) {
        Optional<MethodDeclaration> callee = findMethod(owner, call);
        if (callee.isEmpty() || callee.get().getBody().isEmpty()) {
            return Optional.empty();
        }
        MethodDeclaration method = callee.get();
        String reason = noTransactionReason;
        if (tx == null) {
            Transactions.Declared declared = Transactions.declared(method, owner);
            if (declared.annotated()) {
                reason = declared.privateMethod()
                        ? owner.getNameAsString() + "." + method.getNameAsString() + " is @Transactional but private: the "
                                + "Spring proxy cannot intercept a private method, so no transaction is begun"
                        : owner.getNameAsString() + "." + method.getNameAsString() + " is @Transactional, but "
                                + "it is called on this, which bypasses the Spring proxy: no transaction is begun";
            }
        }
        return Optional.of(inline(method, owner, call, tx, reason, self));
    }

    /** A method of another bean of the project: entered through its proxy, so its @Transactional applies. */
    private Optional<Value> callBean(String type, MethodCallExpr call) {
        Optional<TypeDeclaration<?>> target = implementation(type).or(() -> fragmentOf(type, call));
        Optional<MethodDeclaration> callee = target.flatMap(t -> findMethod(t, call));
        if (callee.isEmpty() || callee.get().getBody().isEmpty()) {
            return mapped(type, call);
        }
        Transactions.Declared declared = Transactions.declared(callee.get(), target.get());
        TxScope calleeTx = declared.scopeFor(tx, target.get().getNameAsString() + "." + callee.get().getNameAsString());
        Frame calleeFrame = enter(call, target.get(), callee.get());
        Value result = inline(callee.get(), target.get(), call, calleeTx, calleeTx == null ? noTransactionReason : null,
                Value.UNKNOWN, calleeFrame);
        if (calleeTx != null && calleeTx != tx) {
            endScope(calleeTx, calleeFrame);
        }
        return Optional.of(result);
    }

    /**
     * A call the sources cannot go into (a MapStruct mapper, an interface implemented by a library) of a method that
     * is declared to return an entity and named like a conversion: it makes a new instance.
     */
    private Optional<Value> mapped(String type, MethodCallExpr call) {
        if (!MAPPING.test(call.getNameAsString())) {
            return Optional.empty();
        }
        Optional<MethodDeclaration> declared = context.index.type(type, owner)
                .flatMap(entry -> findMethod(entry.declaration(), call.getNameAsString(), call.getArguments().size()));
        Optional<String> returned = declared.map(method -> CodeIndex.simpleName(method.getType()))
                .filter(name -> context.index.entity(name, declared.get()).isPresent());
        if (returned.isEmpty()) {
            return Optional.empty();
        }
        arguments(call);
        return Optional.of(new Value.Fresh(returned.get()));
    }

    /** A method of an entity, run with {@code this} being the row it is called on. */
    Optional<Value> callEntityMethod(Value.Row row, MethodCallExpr call) {
        if (row.origin().entity == null) {
            return Optional.empty();
        }
        Optional<TypeDeclaration<?>> entity = context.index.declarationOf(row.origin().entity);
        Optional<MethodDeclaration> method = entity.flatMap(type -> findMethod(type, call));
        if (method.isEmpty() || method.get().getBody().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(inline(method.get(), entity.get(), call, tx, noTransactionReason, row));
    }

    private Value inline(MethodDeclaration method, TypeDeclaration<?> type, MethodCallExpr call, TxScope calleeTx,
            String reason, Value calleeSelf) {
        return inline(method, type, call, calleeTx, reason, calleeSelf, enter(call, type, method));
    }

    /** The callee's frame, in the file the method is written in (a superclass's, for an inherited method). */
    private Frame enter(MethodCallExpr call, TypeDeclaration<?> type, MethodDeclaration method) {
        Optional<io.ormrace.analyzer.code.SourceFile> file = method.findAncestor(TypeDeclaration.class)
                .flatMap(declaring -> context.index.fileOf(declaring));
        return frame.enter(call, file.or(() -> context.index.fileOf(type)).orElse(null), method);
    }

    private Value inline(MethodDeclaration method, TypeDeclaration<?> type, MethodCallExpr call, TxScope calleeTx,
            String reason, Value calleeSelf, Frame calleeFrame) {
        List<Value> arguments = arguments(call);
        List<Value> key = InertMethods.key(calleeSelf, arguments);
        if (key != null && InertMethods.reuse(context, type, method, key, depth + 1)) {
            return Value.UNKNOWN;
        }
        if (depth >= WalkLimits.MAX_DEPTH) {
            context.stoppedAt(DEPTH_LIMIT);
            return Value.UNKNOWN;
        }
        if (context.walking(method)) {
            context.touch(); // entered again from another path, it would be walked
            return Value.UNKNOWN;
        }
        if (!context.spendInline()) {
            return Value.UNKNOWN;
        }
        context.entered.add(method);
        context.walked++;
        InertMethods.Start start = key != null ? InertMethods.start(context, depth + 1) : null;
        MethodWalker walker = new MethodWalker(context, type, calleeFrame, depth + 1, hops + 1, new Env(null), calleeTx, reason,
                flow.copy(), catches, calleeSelf);
        walker.throwingWhenAbsent = throwingWhenAbsent;
        walker.bindParameters(method.getParameters(), arguments);
        context.stack.push(method);
        try {
            method.getBody().ifPresent(walker::walkBody);
        } finally {
            context.stack.pop();
        }
        walker.establishedFor(flow);
        Value result = walker.returnValue();
        if (start != null) {
            InertMethods.learn(context, type, method, key, start, result);
        }
        return result;
    }

    private void bindParameters(NodeList<Parameter> parameters, List<Value> arguments) {
        for (int i = 0; i < parameters.size(); i++) {
            String type = CodeIndex.simpleName(parameters.get(i).getType());
            Value value = i < arguments.size() ? arguments.get(i) : Value.UNKNOWN;
            env.declare(parameters.get(i).getNameAsString(), type, typed(type, value));
            this.parameters.add(parameters.get(i).getNameAsString());
        }
    }

    /** Gives an unknown value of a type the analysis follows its state of (a JDBC connection) a state to follow. */
    private static Value typed(String type, Value value) {
        if (value == Value.UNKNOWN && "Connection".equals(type)) {
            return new Value.Connection(false);
        }
        return value;
    }

    private Value returnValue() {
        for (Value value : returns) {
            if (value instanceof Value.Presence || lookupOf(value) != null) {
                return value; // if (val == null) return false; return count(val) > 0: what the lookup found decides
            }
        }
        for (Value value : returns) {
            if (!(value instanceof Value.Unknown)) {
                return value;
            }
        }
        // if (!rs.next()) return null; return convert(rs.getObject(1)): null tells the caller the lookup found nothing
        return nullWhenEmpty.isEmpty() ? Value.UNKNOWN : new Value.Maybe(Value.UNKNOWN, nullWhenEmpty.get(0));
    }

    /**
     * The class that implements a custom fragment of a Spring Data repository ({@code OrderRepository extends
     * JpaRepository<Order, Long>, OrderRepositoryCustom}, implemented by {@code OrderRepositoryImpl}) with the method
     * called, if the repository has one.
     */
    Optional<TypeDeclaration<?>> fragmentOf(String repository, MethodCallExpr call) {
        Optional<CodeIndex.TypeEntry> entry = context.index.type(repository, owner);
        if (entry.isEmpty() || !(entry.get().declaration() instanceof ClassOrInterfaceDeclaration declaration)) {
            return Optional.empty();
        }
        for (ClassOrInterfaceType fragment : declaration.getExtendedTypes()) {
            Optional<TypeDeclaration<?>> implementation = context.index.type(fragment.getNameAsString(), declaration)
                    .filter(e -> e.declaration() instanceof ClassOrInterfaceDeclaration c && c.isInterface())
                    .flatMap(e -> context.index.implementor(fragment.getNameAsString()));
            if (implementation.isPresent() && findMethod(implementation.get(), call).filter(m -> m.getBody().isPresent()).isPresent()) {
                return implementation;
            }
        }
        return Optional.empty();
    }

    private Optional<TypeDeclaration<?>> implementation(String type) {
        Optional<CodeIndex.TypeEntry> entry = context.index.type(type, owner);
        if (entry.isPresent() && context.index.repository(type, owner).isPresent()) {
            return Optional.empty(); // its fragments are found by callBean
        }
        if (entry.isEmpty() || context.index.entity(type, owner).isPresent()) {
            return Optional.empty();
        }
        TypeDeclaration<?> declaration = entry.get().declaration();
        if (declaration instanceof ClassOrInterfaceDeclaration classOrInterface && classOrInterface.isInterface()) {
            return context.index.implementor(type);
        }
        return Optional.of(declaration);
    }

    /** A method of this name of the type or its superclasses, when only one arity has it. */
    private Optional<MethodDeclaration> findMethod(TypeDeclaration<?> type, String name) {
        List<MethodDeclaration> methods = context.index.methods(type, name);
        return methods.size() == 1 ? Optional.of(methods.get(0)) : Optional.empty();
    }

    private Optional<MethodDeclaration> findMethod(TypeDeclaration<?> type, String name, int arity) {
        return findMethod(type, name, arity, null);
    }

    /** The method a call runs: of the overloads with its arity, the one its arguments' types fit. */
    private Optional<MethodDeclaration> findMethod(TypeDeclaration<?> type, MethodCallExpr call) {
        return findMethod(type, call.getNameAsString(), call.getArguments().size(), call);
    }

    private Optional<MethodDeclaration> findMethod(TypeDeclaration<?> type, String name, int arity, MethodCallExpr call) {
        List<TypeDeclaration<?>> seen = new ArrayList<>(2);
        for (TypeDeclaration<?> current = type; current != null && firstVisit(seen, current); ) {
            List<MethodDeclaration> candidates = new ArrayList<>(1);
            for (MethodDeclaration m : context.index.methods(current, name)) {
                if (m.getParameters().size() == arity || (m.getParameters().size() <= arity
                        && !m.getParameters().isEmpty() && m.getParameters().getLast().get().isVarArgs())) {
                    candidates.add(m);
                }
            }
            if (candidates.size() == 1 || (!candidates.isEmpty() && call == null)) {
                return Optional.of(candidates.get(0));
            }
            if (!candidates.isEmpty()) {
                return Optional.of(Overloads.best(candidates, call.getArguments().stream().map(this::argumentType).toList()));
            }
            current = current instanceof ClassOrInterfaceDeclaration c && !c.getExtendedTypes().isEmpty()
                    ? context.index.type(c.getExtendedTypes().get(0).getNameAsString(), c).map(e -> (TypeDeclaration<?>) e.declaration()).orElse(null)
                    : null;
        }
        return Optional.empty();
    }

    /** Whether a type is met the first time, remembering it; by identity, as a Node hashes its whole subtree. */
    private static boolean firstVisit(List<TypeDeclaration<?>> seen, TypeDeclaration<?> type) {
        for (TypeDeclaration<?> visited : seen) {
            if (visited == type) {
                return false;
            }
        }
        seen.add(type);
        return true;
    }

    /**
     * The entity a generic base class is bound to by the class walked: {@code Coupon} for {@code class CouponDao extends
     * JpaDao<Coupon, Long>}, where {@code JpaDao} reads with {@code em.find(entityClass, id)}.
     */
    Optional<String> entityTypeArgument() {
        Set<TypeDeclaration<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TypeDeclaration<?> current = owner; current instanceof ClassOrInterfaceDeclaration type && seen.add(current); ) {
            for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
                Optional<String> entity = parent.getTypeArguments().stream().flatMap(NodeList::stream)
                        .map(CodeIndex::simpleName).filter(name -> context.index.entity(name, type).isPresent()).findFirst();
                if (entity.isPresent()) {
                    return entity;
                }
            }
            current = type.getExtendedTypes().isEmpty() ? null
                    : context.index.type(type.getExtendedTypes().get(0).getNameAsString(), type).map(e -> (TypeDeclaration<?>) e.declaration()).orElse(null);
        }
        return Optional.empty();
    }

    /** An argument's type where the source says it: a literal's, a variable's or field's, a cast's, a new object's. */
    private String argumentType(Expression argument) {
        if (argument instanceof StringLiteralExpr || argument instanceof TextBlockLiteralExpr) {
            return "String";
        }
        if (argument instanceof IntegerLiteralExpr) {
            return "int";
        }
        if (argument instanceof com.github.javaparser.ast.expr.LongLiteralExpr) {
            return "long";
        }
        if (argument instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr) {
            return "boolean";
        }
        if (argument instanceof CastExpr cast) {
            return CodeIndex.simpleName(cast.getType());
        }
        if (argument instanceof ObjectCreationExpr creation) {
            return creation.getType().getNameAsString();
        }
        if (argument instanceof com.github.javaparser.ast.expr.ClassExpr) {
            return "Class";
        }
        if (argument instanceof LambdaExpr || argument instanceof com.github.javaparser.ast.expr.MethodReferenceExpr) {
            return Overloads.FUNCTION;
        }
        return staticType(argument);
    }

    /** The declared type of a variable or field the expression names, when the source says it. */
    String staticType(Expression expression) {
        if (expression instanceof NameExpr name) {
            Optional<String> local = env.type(name.getNameAsString());
            if (local.isPresent() || env.isLocal(name.getNameAsString())) {
                return local.orElse(null);
            }
            return context.index.fieldType(owner, name.getNameAsString()).orElse(null);
        }
        if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return context.index.fieldType(owner, access.getNameAsString()).orElse(null);
        }
        if (expression instanceof MethodCallExpr call && call.getScope().isEmpty()) {
            return findMethod(owner, call.getNameAsString(), call.getArguments().size())
                    .map(m -> m.getType() instanceof ClassOrInterfaceType t ? t.getNameAsString() : null).orElse(null);
        }
        return null;
    }

    // ---------------------------------------------------------------- what the checks are told

    /** At the statement of the entry method that leads to {@code origin}. */
    Event.Place place(Node origin) {
        return placeIn(frame.root(), origin);
    }

    /**
     * A race that began in frame {@code from} (the change, the lookup) and ends here at {@code origin} (the write, the
     * insert): reported in the deepest frame holding both, at the statement there that leads to {@code origin}.
     */
    Event.Place placeFrom(Frame from, Node origin) {
        return placeIn(Frame.common(from, frame), origin);
    }

    /** The method a frame walks, as findings name it: {@code com.acme.Orders#place}. */
    private String anchorIn(Frame common) {
        if (common.parent == null) {
            return context.anchor;
        }
        Optional<com.github.javaparser.ast.body.CallableDeclaration<?>> method = common.method();
        Optional<TypeDeclaration<?>> type = method.flatMap(m -> m.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t));
        return type.isEmpty() ? context.anchor
                : type.get().getFullyQualifiedName().orElse(type.get().getNameAsString()) + "#" + method.get().getNameAsString();
    }

    private Event.Place placeIn(Frame common, Node origin) {
        return new Event.Place(common.file, common.toward(frame, origin), anchorIn(common), origin, hops, common.calls());
    }

    RowOrigin newRow(String table, io.ormrace.analyzer.code.EntityInfo entity, Node at, String description, Lookup lookup,
            TxScope scope, String lockMode) {
        RowOrigin row = new RowOrigin(table, entity, at, description, lookup, scope, lockMode);
        row.frame = frame;
        context.register(row);
        return row;
    }

    Lookup lookup(String table, List<String> columns, Node at, String description, TxScope scope) {
        Lookup lookup = new Lookup(table, columns, at, description, scope, frame);
        if (context.freshKeyCalls.contains(at)) {
            context.freshKeyLookups.add(lookup);
        }
        return lookup;
    }

    /** A lookup by the id of a row this walk inserted (a MyBatis example's criterion may carry it). */
    void byFreshKey(Lookup lookup) {
        context.freshKeyLookups.add(lookup);
    }

    /**
     * A column of a row changed in memory: remembered when the new value comes from the old one or is chosen under a
     * check on it. Writing back the value as read changes nothing; a value that does not depend on the read replaces
     * what was pending for the column (the request's value overwrites a computed one).
     */
    void change(Value.Row row, String attribute, Value value, Node at) {
        RowOrigin origin = row.origin();
        if (origin.entity != null && origin.entity.isCollection(attribute)) {
            return; // the rows of another table, replaced or edited in memory: not a column of this row
        }
        Value.ColumnRef own = ref(origin, attribute);
        if (value instanceof Value.Scalar scalar && scalar.copy() && scalar.sources().equals(Set.of(own))) {
            return;
        }
        boolean derived = refs(value).contains(own);
        // a managed entity is written at commit; a row read into an object (MyBatis, JDBC) only if it is passed to an update
        if (!derived && origin.managed && origin.entity != null && !origin.entity.versioned() && !origin.isPessimisticallyLocked()) {
            String id = origin.entity.idColumns().size() != 1 ? "id" : origin.entity.columns().entrySet().stream()
                    .filter(e -> Names.key(e.getValue()).equals(Names.key(origin.entity.idColumns().get(0))))
                    .map(Map.Entry::getKey).findFirst().orElse("id");
            aggregateWritten(origin.table, origin.column(attribute), value, at, "the entity's save or dirty checking", tx,
                    origin.entity.name() + "." + attribute + "#" + id);
        } else if (!derived && !origin.managed) {
            String column = origin.entity != null ? origin.column(attribute) : Names.snake(attribute);
            String key = Names.key(column);
            if (origin.aggregatesSet != null) {
                origin.aggregatesSet.remove(key);
            }
            if (!context.insertedTables.isEmpty() && aggregate(value)) { // as for an entity: counted after an insert
                if (origin.aggregatesSet == null) {
                    origin.aggregatesSet = new java.util.HashMap<>();
                }
                origin.aggregatesSet.put(key, new RowOrigin.AggregateSet(column, value, at));
            }
        }
        Guard guard = flow.guardOn(own);
        String column = origin.column(attribute);
        boolean callersOwn = !ConstantValue.written(at) && (guard == null || !ConstantValue.comparedIn(at, guard.condition))
                && (guard == null || !guard.knowsPresent(own));
        if (!derived) {
            origin.pending.removeIf(change -> change.column().equals(column));
        }
        if (derived) {
            flow.effect(new Guard.Effect(origin.describe() + "." + column + " changed from its own value", at, origin, true));
        } else if (callersOwn) {
            flow.effect(new Guard.Effect(origin.describe() + "." + column + " set to this caller's value", at, origin, false));
        }
        if (derived || (guard != null && !SetOnceColumns.isSetOnce(origin, attribute, column))) {
            Frame changedIn = derived ? computedIn(at) : frame;
            origin.pending.add(new RowOrigin.Change(column, at, changedIn, changedIn.toward(frame, at), hops, derived, guard,
                    callersOwn, false));
        }
    }

    /**
     * A row added to a collection of a row ({@code event.getParticipants().add(member)}): something a second caller
     * repeats, and, under a check on that collection ({@code participants.size() < capacity}), a change the check
     * no longer holds for once both callers add.
     */
    void appended(Value.ColumnRef collection, MethodCallExpr call) {
        arguments(call);
        RowOrigin origin = collection.origin();
        String column = collection.column();
        flow.effect(new Guard.Effect("a row added to " + origin.describe() + "." + column, call, origin, false));
        Guard guard = flow.guardOn(collection);
        // a capacity is a count compared; isEmpty() chooses between first and later rows, contains() is a set's own test
        if (guard != null && isCapacity(guard, origin)) {
            origin.pending.add(new RowOrigin.Change(column, call, frame, hops, false, guard, true, true));
        }
    }

    /**
     * A check that is a capacity: the collection's size compared with a limit, a column of the row
     * ({@code attendees.size() < capacity}) or a number. isEmpty() chooses between the first row and later ones,
     * contains() is a set's own duplicate test, and a size compared with another list's reconciles the two.
     */
    private static boolean isCapacity(Guard guard, RowOrigin owner) {
        boolean counted = SyntaxTrees.findAll(guard.condition, MethodCallExpr.class).stream()
                .anyMatch(test -> test.getNameAsString().equals("size") || test.getNameAsString().equals("count"));
        boolean limit = !SyntaxTrees.findAll(guard.condition, IntegerLiteralExpr.class).isEmpty() || guard.columns.stream()
                .anyMatch(ref -> ref.origin() == owner && (owner.entity == null || owner.entity.collections().stream()
                        .noneMatch(attribute -> Names.key(owner.entity.column(attribute)).equals(ref.column()))));
        return counted && limit;
    }

    /** Whether an attribute of the row's entity holds an {@code @Embeddable} value, whose fields are the row's columns. */
    boolean isEmbedded(RowOrigin row, String attribute) {
        if (row.entity == null || !row.entity.javaTypes().containsKey(attribute) || row.entity.isCollection(attribute)) {
            return false;
        }
        Node from = context.index.declarationOf(row.entity).map(d -> (Node) d).orElse(owner);
        return context.index.type(row.entity.javaTypes().get(attribute), from).map(CodeIndex.TypeEntry::declaration)
                .filter(type -> io.ormrace.analyzer.code.Annotations.has(type, "Embeddable")).isPresent();
    }

    /**
     * A new row inserted: get-or-create when a lookup of its table came back empty, and a next-key race when one of its
     * columns was set to the highest value read plus one.
     */
    void insertedFresh(Value.Fresh fresh, String table, Node at, String description, TxScope insertedIn) {
        inserted(table, at, description, false, insertedIn);
        Value.NextKey key = fresh.key();
        if (key != null && Names.key(key.lookup().table()).equals(Names.key(table))) {
            List<String> columns = new ArrayList<>(key.lookup().columns());
            if (!columns.contains(key.column())) {
                columns.add(key.column());
            }
            Lookup keyed = new Lookup(key.lookup().table(), columns, key.lookup().at(), key.lookup().description(),
                    key.lookup().scope(), key.lookup().frame());
            context.emit(new Event.InsertAfterLookup(placeFrom(keyed.frame(), at), keyed, table, handling(insertedIn),
                    description, false, false, key.column(), false));
        }
    }

    /** A lookup that throws when it finds nothing: a catch of that exception knows the row is absent. */
    void throwsWhenAbsent(Lookup lookup) {
        if (lookup != null && !throwingWhenAbsent.isEmpty()) {
            throwingWhenAbsent.peek().add(lookup);
        }
    }

    /** Whether a lookup of this table came back empty on the way here. */
    boolean knownAbsent(String table) {
        return flow.emptyLookups.stream().anyMatch(lookup -> Names.key(lookup.table()).equals(Names.key(table)));
    }

    /**
     * The method the value set at {@code at} was computed in: the caller's, when it is a parameter set as passed
     * ({@code store(seat, seat.getFree() - 1)} into {@code seat.setFree(free)}).
     */
    private Frame computedIn(Node at) {
        Expression value = at instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN ? assign.getValue()
                : at instanceof MethodCallExpr call && call.getArguments().size() == 1 ? call.getArgument(0) : null;
        return value instanceof NameExpr name && parameters.contains(name.getNameAsString())
                && frame.parent != null ? frame.parent : frame;
    }

    /** Something done that a second caller passing the same checks would do again. */
    void effect(String description, Node at, RowOrigin row) {
        context.touch();
        flow.effect(new Guard.Effect(description, at, row, false));
    }

    /** The row's pending changes are written now (save, merge, update). */
    void written(RowOrigin row, Node at, String how, TxScope writtenIn) {
        effect(how + " of " + row.describe(), at, row);
        for (RowOrigin.Change change : row.pending) {
            context.emit(new Event.Write(placeFrom(change.frame(), at), row, change, how, writtenIn));
        }
        row.pending.clear();
    }

    /** A JDBC or query update set a column from a value derived from the same column of a row read before. */
    void jdbcWrite(String table, String column, Value value, Node at, String how, TxScope writtenIn) {
        if (value instanceof Value.Scalar scalar && scalar.copy()
                && scalar.sources().stream().allMatch(source -> source.column().equals(Names.key(column)))) {
            return; // the value read, written back unchanged (set id = #{id} with the id read)
        }
        for (Value.ColumnRef source : refs(value)) {
            if (Names.key(source.origin().table).equals(Names.key(table)) && source.column().equals(Names.key(column))) {
                context.emit(new Event.Write(placeFrom(source.origin().frame, at), source.origin(),
                        new RowOrigin.Change(column, at, frame, hops, true, flow.guardOn(source), false), how, writtenIn));
                return;
            }
        }
        for (Value.ColumnRef guarded : flow.guards) {
            if (Names.key(guarded.origin().table).equals(Names.key(table)) && guarded.column().equals(Names.key(column))) {
                context.emit(new Event.Write(placeFrom(guarded.origin().frame, at), guarded.origin(),
                        new RowOrigin.Change(column, at, frame, hops, false, flow.guardOn(guarded), true), how, writtenIn));
                return;
            }
        }
        aggregateWritten(table, column, value, at, how, writtenIn, null);
    }


    /** Whether a value is a count or maximum of rows, or computed from one. */
    private static boolean aggregate(Value value) {
        if (value instanceof Value.LookupResult result) {
            return result.kind() == Value.LookupResult.Kind.COUNT;
        }
        return refs(value).stream().anyMatch(source -> Sql.isAggregate(source.column()));
    }

    /**
     * An object MyBatis maps rows into, passed to an update that writes these columns: those set from an aggregate are
     * stored now.
     */
    void objectWritten(RowOrigin object, Set<String> columns, Node at, String how) {
        if (object.aggregatesSet == null) {
            return;
        }
        for (String column : columns) {
            RowOrigin.AggregateSet set = object.aggregatesSet.remove(column); // written now: a second write repeats nothing
            if (set != null) {
                aggregateWritten(object.table, set.column(), set.value(), at, how, tx, null);
            }
        }
    }

    /** An object written back with all its changes (a jOOQ record's {@code store()}). */
    void writtenWhole(RowOrigin row, Node at, String how) {
        if (row.aggregatesSet != null) {
            objectWritten(row, Set.copyOf(row.aggregatesSet.keySet()), at, how);
        }
        written(row, at, how, tx);
    }

    /**
     * A column set from a count or maximum of rows ({@code select count(*) from comment where post_id = ?}) after this
     * walk inserted such rows: a concurrent caller's row is not visible to this read, so both store the same stale
     * aggregate. Not when a row was locked first in the same transaction (the post: callers take turns) or the
     * transaction is serializable.
     */
    private void aggregateWritten(String table, String column, Value value, Node at, String how, TxScope writtenIn,
            String attribute) {
        if (context.insertedTables.isEmpty()) {
            return; // asked at every column set: most walks insert nothing
        }
        RowOrigin read = null;
        Lookup counted = null;
        String aggregate = null;
        if (value instanceof Value.LookupResult result && result.kind() == Value.LookupResult.Kind.COUNT) {
            read = result.rows();
            counted = result.lookup(); // a repository's countBy...: no row, the lookup says what was counted
            aggregate = "count(*)";
        } else {
            for (Value.ColumnRef source : refs(value)) {
                if (Sql.isAggregate(source.column())) {
                    read = source.origin();
                    aggregate = source.column();
                    break;
                }
            }
        }
        String aggregated = read != null ? read.table : counted != null ? counted.table() : null;
        if (aggregated == null || !context.insertedTables.contains(Names.key(aggregated)) || lockedBefore(writtenIn)
                || (writtenIn != null && writtenIn.serializable()) || (read != null && read.isPessimisticallyLocked())) {
            return;
        }
        context.emit(read != null
                ? new Event.AggregateWrite(placeFrom(read.frame, at), aggregate, read.table, read.readAt, read.readDescription,
                        table, column, attribute, at, how)
                : new Event.AggregateWrite(placeFrom(counted.frame(), at), aggregate, counted.table(), counted.at(),
                        counted.description(), table, column, attribute, at, how));
    }

    /** The end of a transaction begun in this method: dirty checking writes what changed on the rows read in it. */
    void endScope(TxScope scope) {
        endScope(scope, frame);
    }

    /** The end of a transaction begun in {@code owner}: reported there, at the statement that leads to each change. */
    private void endScope(TxScope scope, Frame owner) {
        List<RowOrigin> rows = context.rowsByScope.remove(scope);
        if (rows == null) {
            return;
        }
        for (RowOrigin row : rows) {
            if (row.entity == null || !row.managed) {
                continue;
            }
            for (RowOrigin.Change change : row.pending) {
                // where the row is read and changed, not where the transaction that writes it began
                Frame common = Frame.common(change.frame(), row.frame != null ? row.frame : owner);
                Node at = change.at();
                context.emit(new Event.Write(new Event.Place(common.file, common.toward(change.frame(), change.leading()), anchorIn(common), at,
                        change.hops(), common.calls()), row, change, "dirty checking at commit", scope));
            }
            row.pending.clear();
        }
    }

    /**
     * {@code if (find(x.getId()) == null) insert(x); else update(x)}: the object is looked up by its own id, made for it
     * when it was created, and a concurrent caller saves another object under another id: an insert-or-update of one
     * object, not a get-or-create of a key that two callers share.
     */
    private static boolean savesItsOwnIdentity(Lookup lookup, Node at) {
        if (lookup.columns().size() != 1 || !(lookup.at() instanceof MethodCallExpr find) || find.getArguments().isEmpty()
                || !(at instanceof MethodCallExpr insert) || insert.getArguments().size() != 1) {
            return false;
        }
        String column = Names.key(lookup.columns().get(0));
        Expression key = find.getArguments().getLast().get();
        String saved = insert.getArgument(0).toString();
        if (!(key instanceof MethodCallExpr getter) || !getter.getArguments().isEmpty()
                || getter.getScope().map(Object::toString).filter(saved::equals).isEmpty()) {
            return false;
        }
        String attribute = Names.key(ValueCalls.attribute(getter.getNameAsString()));
        // find(x.getId()) then save(x); exists(parent = x.getId()) then save(x): x has its identity already
        return attribute.equals("id") || attribute.equals("uuid")
                || ((column.equals("id") || column.equals("uuid")) && attribute.equals(column));
    }

    /** A row was inserted: if a lookup of the same table came back empty before, this is get-or-create. */
    void inserted(String table, Node at, String description, boolean bulk, TxScope insertedIn) {
        inserted(table, at, description, bulk, insertedIn, lookup -> true);
    }

    /** An insert; {@code sameRow} tells whether the row inserted can be the one a lookup looked for. */
    void inserted(String table, Node at, String description, boolean bulk, TxScope insertedIn,
            java.util.function.Predicate<Lookup> sameRow) {
        context.insertedTables.add(Names.key(table));
        Lookup lookup = null;
        for (int i = flow.emptyLookups.size() - 1; i >= 0 && lookup == null; i--) {
            if (Names.key(flow.emptyLookups.get(i).table()).equals(Names.key(table))) {
                lookup = flow.emptyLookups.get(i);
            }
        }
        if (lookup == null && bulk) {
            for (int i = context.loadedTables.size() - 1; i >= 0 && lookup == null; i--) {
                if (Names.key(context.loadedTables.get(i).table()).equals(Names.key(table))) {
                    lookup = context.loadedTables.get(i);
                }
            }
        }
        effect("insert into " + table + " by " + description, at, null);
        if (lookup == null || savesItsOwnIdentity(lookup, at) || context.freshKeyLookups.contains(lookup)) {
            return; // the row's own id, or a key no one else can know yet: no second caller to race with
        }
        if (!sameRow.test(lookup)) {
            return; // a check for a special row ('*'), then rows of other values: not the row looked for
        }
        Event.Handling handling = context.rejectedLikeViolation.contains(lookup) ? Event.Handling.HANDLED : handling(insertedIn);
        boolean limit = context.comparedWithLimit.contains(lookup);
        if (limit && lockedBefore(insertedIn)) {
            return; // a row locked in this transaction before the count (the coupon, the event): the callers take turns
        }
        context.emit(new Event.InsertAfterLookup(placeFrom(lookup.frame(), at), lookup, table, handling, description, bulk,
                flow.rejectedWhenFound.contains(lookup), null, limit));
    }

    private boolean lockedBefore(TxScope insertedIn) {
        return insertedIn != null && context.rowsByScope.getOrDefault(insertedIn, List.of()).stream()
                .anyMatch(RowOrigin::isPessimisticallyLocked);
    }

    private Event.Handling handling(TxScope insertedIn) {
        CatchInfo catching = catches.stream().filter(CatchInfo::catchesUniqueViolation).findFirst().orElse(null);
        if (catching == null || !catching.reReads()) {
            return Event.Handling.NONE;
        }
        boolean ownTransaction = insertedIn == null || insertedIn.ownForInsert()
                || (flow.savepoint && catching.rollsBackToSavepoint());
        return ownTransaction ? Event.Handling.HANDLED : Event.Handling.CAUGHT_SAME_TRANSACTION;
    }

    /**
     * A pessimistic lock: reported when no transaction holds it. True when JPA refuses the lock outright
     * ({@code TransactionRequiredException}), so that nothing after it runs.
     */
    boolean locked(Node at, String target, String how, boolean refusedWithoutTransaction, TxScope inForce, String reason) {
        if (inForce != null) {
            return false;
        }
        if (reason == null && noTransactionReason == null && !context.stack.isEmpty()
                && context.stack.peekLast() instanceof MethodDeclaration entry && entry.isPublic()
                && !CallerTransactions.reachableWithout(context.index, entry, entryType(entry))) {
            return false;
        }
        String why = reason != null ? reason : noTransactionReason != null ? noTransactionReason
                : "no @Transactional applies to " + context.anchor.substring(context.anchor.lastIndexOf('.') + 1)
                        + " and no transaction is begun";
        context.emit(new Event.LockOutsideTransaction(place(at), target, how,
                why + (refusedWithoutTransaction ? "; JPA refuses the lock with TransactionRequiredException"
                        : "; the lock is released when the statement ends"), List.of(at)));
        return refusedWithoutTransaction;
    }

    /** The type that declares the walk's entry method: the one its callers call it on. */
    private TypeDeclaration<?> entryType(MethodDeclaration entry) {
        if (frame.parent == null) {
            return owner;
        }
        Optional<TypeDeclaration> declaring = entry.findAncestor(TypeDeclaration.class);
        return declaring.isPresent() ? declaring.get() : owner;
    }

    /** A lock taken by SQL on a JDBC connection in autocommit mode. */
    void lockedInAutocommit(Node at, String target, String how) {
        context.emit(new Event.LockOutsideTransaction(place(at), target, how,
                "the connection is in autocommit mode: the statement is its own transaction, and the lock is released "
                        + "as soon as it ends", List.of(at)));
    }

    // ---------------------------------------------------------------- values

    static Value.ColumnRef ref(RowOrigin origin, String attribute) {
        return new Value.ColumnRef(origin, Names.key(origin.column(attribute)));
    }

    static boolean isAttribute(RowOrigin origin, String name) {
        return origin.entity != null && origin.entity.columns().containsKey(name);
    }

    static Set<Value.ColumnRef> refs(Value value) {
        if (value instanceof Value.Presence presence) {
            return presence.sources();
        }
        if (value instanceof Value.Text text && !text.spliced().isEmpty()) {
            Set<Value.ColumnRef> spliced = new HashSet<>(); // notes + "\n" + note: still computed from the notes read
            text.spliced().values().forEach(part -> spliced.addAll(refs(part)));
            return spliced;
        }
        return value instanceof Value.Scalar scalar ? scalar.sources() : Set.of();
    }

    static Value combine(Value left, Value right) {
        Set<Value.ColumnRef> refs = new HashSet<>(refs(left));
        refs.addAll(refs(right));
        return refs.isEmpty() ? Value.UNKNOWN : new Value.Scalar(Set.copyOf(refs));
    }

    /**
     * A test of what a lookup found itself ({@code x == null}, {@code isPresent()}, a count), not of a column of a row it
     * found ({@code x.getOwner() == null}), and not of a row that was found for sure.
     */
    private Value.Presence lookupTest(Value value) {
        Value.Presence presence = presence(value);
        return presence == null || !presence.sources().isEmpty() || presence.lookup() == null
                || context.foundForSure.contains(presence.lookup()) ? null : presence;
    }

    static Value.Presence presence(Value value) {
        if (value instanceof Value.Presence presence) {
            return presence;
        }
        if (value instanceof Value.LookupResult result && result.kind() == Value.LookupResult.Kind.EXISTS) {
            return new Value.Presence(result.lookup(), true);
        }
        return null;
    }

    static Lookup lookupOf(Value value) {
        if (value instanceof Value.Row row) {
            return row.origin().lookup;
        }
        if (value instanceof Value.Maybe maybe) {
            return maybe.lookup() != null ? maybe.lookup() : lookupOf(maybe.content());
        }
        if (value instanceof Value.LookupResult result) {
            return result.lookup();
        }
        if (value instanceof Value.Scalar scalar) {
            return scalar.sources().stream().map(ref -> ref.origin().lookup).filter(l -> l != null).findFirst().orElse(null);
        }
        return null;
    }
}
