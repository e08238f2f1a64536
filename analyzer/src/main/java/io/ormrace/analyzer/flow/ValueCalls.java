package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Calls on values the analysis follows: entity rows (getters, setters, domain methods), Optionals, result lists. */
final class ValueCalls {

    /** {@code BigDecimal}, {@code BigInteger} and money types: a value computed from the one called on. */
    private static final Set<String> ARITHMETIC = Set.of("add", "subtract", "multiply", "divide", "negate", "plus", "minus",
            "abs", "max", "min", "remainder", "pow", "setScale", "addExact", "subtractExact", "multipliedBy", "dividedBy",
            "plusDays", "minusDays", "plusMonths", "plusSeconds", "plusMinutes", "plusHours", "minusSeconds");

    /** A condition on the value called on: {@code status.equals(PENDING)}, {@code balance.compareTo(amount) < 0}. */
    private static final Set<String> COMPARISONS = Set.of("equals", "equalsIgnoreCase", "compareTo", "isEqual", "isBefore",
            "isAfter", "isGreaterThan", "isLessThan", "isZero", "isNegative", "isPositive", "signum", "isEmpty", "isBlank",
            "contains", "startsWith", "endsWith", "matches");

    /** The same value in another type: a check on {@code getStatus().intValue()} is a check on the status. */
    private static final Set<String> UNBOXING = Set.of("intValue", "longValue", "shortValue", "byteValue", "doubleValue",
            "floatValue", "booleanValue", "ordinal", "name");

    /** The getters of a row's generated identity. */
    private static final NameShapes.Convention UTILITY = NameShapes.Convention.whole("\\w*(Utils?|Util)");
    private static final Set<String> IDENTITY_GETTERS = Set.of("getId", "getUuid");

    /** What a collection's size is tested by: a count of the rows it holds. */
    private static final Set<String> SIZES = Set.of("size", "count");
    /** What adds a row to a collection. */
    private static final Set<String> APPENDS = Set.of("add", "addAll", "put", "putAll", "offer", "push", "addFirst", "addLast");

    private ValueCalls() {
    }

    static Optional<Value> handle(MethodWalker walker, MethodCallExpr call, Value receiver) {
        Optional<Value> emptiness = utilityEmptiness(walker, call);
        if (emptiness.isPresent()) {
            return emptiness;
        }
        if (receiver instanceof Value.Row row) {
            return Optional.of(onRow(walker, call, row));
        }
        if (receiver instanceof Value.Text && COMPARISONS.contains(call.getNameAsString())) {
            Value result = Value.UNKNOWN;
            for (Value argument : walker.arguments(call)) {
                result = MethodWalker.combine(result, argument);
            }
            return Optional.of(result);
        }
        if (receiver instanceof Value.Scalar scalar && APPENDS.contains(call.getNameAsString())) {
            Optional<Value.ColumnRef> collection = scalar.sources().stream().filter(ValueCalls::isCollection).findFirst();
            if (collection.isPresent()) {
                walker.appended(collection.get(), call);
                return Optional.of(Value.UNKNOWN);
            }
        }
        if (receiver instanceof Value.Scalar scalar && SIZES.contains(call.getNameAsString()) && scalar.sources().stream()
                .anyMatch(ValueCalls::isCollection)) {
            walker.arguments(call);
            return Optional.of(new Value.Scalar(scalar.sources()));
        }
        if (receiver instanceof Value.LookupResult count && count.kind() == Value.LookupResult.Kind.COUNT
                && UNBOXING.contains(call.getNameAsString()) && call.getArguments().isEmpty()) {
            return Optional.of(count); // ((Number) rs.getObject(1)).longValue() is the count
        }
        if (receiver instanceof Value.Scalar scalar && UNBOXING.contains(call.getNameAsString()) && call.getArguments().isEmpty()) {
            return Optional.of(new Value.Scalar(scalar.sources(), scalar.copy())); // status.intValue() is the status read
        }
        if (receiver instanceof Value.Scalar scalar && (ARITHMETIC.contains(call.getNameAsString())
                || COMPARISONS.contains(call.getNameAsString()))) {
            Value result = new Value.Scalar(scalar.sources());
            for (Value argument : walker.arguments(call)) {
                result = MethodWalker.combine(result, argument);
            }
            return Optional.of(result);
        }
        if (receiver instanceof Value.Constant constant && call.getNameAsString().equals("equals") && call.getArguments().size() == 1) {
            Value other = walker.eval(call.getArgument(0));
            return Optional.of(other instanceof Value.Constant c ? Value.Constant.of(c.name().equals(constant.name())) : Value.UNKNOWN);
        }
        if (receiver instanceof Value.Maybe maybe) {
            return onOptional(walker, call, maybe);
        }
        if (receiver instanceof Value.Fresh fresh) {
            // a builder or fluent setters: still the new instance; build() gives it
            List<Value> arguments = walker.arguments(call);
            Value.NextKey key = arguments.stream().filter(Value.NextKey.class::isInstance).map(Value.NextKey.class::cast)
                    .findFirst().orElse(fresh.key());
            Value.Fresh made = key == fresh.key() ? fresh : new Value.Fresh(fresh.entity(), key);
            if (made != fresh && call.getScope().orElse(null) instanceof com.github.javaparser.ast.expr.NameExpr variable
                    && walker.env.isLocal(variable.getNameAsString())) {
                walker.env.assign(variable.getNameAsString(), made); // order.setNumber(max + 1)
            }
            if (IDENTITY_GETTERS.contains(call.getNameAsString())) {
                return Optional.of(Value.FreshKey.INSTANCE); // generated when it is saved, in this walk
            }
            return Optional.of(NameShapes.getter(call.getNameAsString()) ? Value.UNKNOWN : made);
        }
        if (receiver instanceof Value.Built built) {
            return Optional.of(onBuilt(walker, call, built));
        }
        if (receiver instanceof Value.MaxOf max) {
            walker.arguments(call);
            return Optional.of(switch (call.getNameAsString()) {
                case "add", "plus", "inc", "incrementAndGet" -> new Value.NextKey(max.lookup(), max.column());
                default -> max; // intValue(), longValue(): the same highest value
            });
        }
        if (receiver instanceof Value.LookupResult result) {
            return onResultList(walker, call, result);
        }
        if (receiver instanceof Value.LoadedTable loaded && call.getNameAsString().equals("stream")) {
            return Optional.of(loaded);
        }
        return Optional.empty();
    }

    /** {@code order.setStatus(s)} remembers {@code s}; {@code order.getStatus()} gives it back. */
    private static Value onBuilt(MethodWalker walker, MethodCallExpr call, Value.Built built) {
        List<Value> arguments = walker.arguments(call);
        String accessed = NameShapes.accessedProperty(call.getNameAsString());
        if (accessed == null) {
            return Value.UNKNOWN;
        }
        boolean setter = call.getNameAsString().startsWith("set");
        String property = Character.toLowerCase(accessed.charAt(0)) + accessed.substring(1);
        if (built.inserted && IDENTITY_GETTERS.contains(call.getNameAsString()) && !built.properties.containsKey(property)) {
            return Value.FreshKey.INSTANCE; // generated by the insert (useGeneratedKeys)
        }
        if (setter && arguments.size() == 1) {
            built.properties.put(property, arguments.get(0));
            return built; // a fluent setter returns the object
        }
        return setter ? Value.UNKNOWN : built.properties.getOrDefault(property, Value.UNKNOWN);
    }

    private static boolean isCollection(Value.ColumnRef ref) {
        io.ormrace.analyzer.code.EntityInfo entity = ref.origin().entity();
        return entity != null && entity.collections().stream().anyMatch(attribute ->
                io.ormrace.analyzer.schema.Names.key(entity.column(attribute)).equals(ref.column()));
    }

    private static Value onRow(MethodWalker walker, MethodCallExpr call, Value.Row row) {
        String name = call.getNameAsString();
        int arity = call.getArguments().size();
        if (arity == 0 && NameShapes.getter(name)) {
            if (walker.isEmbedded(row.origin(), attribute(name))) {
                return row; // an @Embedded value: its fields are the row's columns
            }
            return Value.Scalar.read(MethodWalker.ref(row.origin(), attribute(name)));
        }
        if (arity == 1 && NameShapes.setter(name)) {
            Value value = walker.eval(call.getArgument(0));
            walker.change(row, attribute(name), value, call);
            return Value.UNKNOWN;
        }
        if (arity == 0 && MethodWalker.isAttribute(row.origin(), name)) {
            return Value.Scalar.read(MethodWalker.ref(row.origin(), name));
        }
        Optional<Value> method = walker.callEntityMethod(row, call);
        if (method.isPresent()) {
            return method.get();
        }
        if (arity == 1 && MethodWalker.isAttribute(row.origin(), name)) {
            walker.change(row, name, walker.eval(call.getArgument(0)), call); // a fluent setter: row.balance(next)
            return row;
        }
        return walker.evalArguments(call);
    }

    /** {@code CollectionUtils.isEmpty(rows)}, {@code ObjectUtils.isNotEmpty(found)}: whether a lookup found rows. */
    private static Optional<Value> utilityEmptiness(MethodWalker walker, MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getArguments().size() != 1 || !(name.equals("isEmpty") || name.equals("isNotEmpty"))
                || !(call.getScope().orElse(null) instanceof com.github.javaparser.ast.expr.NameExpr utility)
                || !UTILITY.test(utility.getNameAsString())) {
            return Optional.empty();
        }
        Value arg = walker.eval(call.getArgument(0));
        Lookup lookup = MethodWalker.lookupOf(arg);
        return Optional.of(lookup == null ? Value.UNKNOWN : new Value.Presence(lookup, name.equals("isNotEmpty")));
    }

    private static Optional<Value> onOptional(MethodWalker walker, MethodCallExpr call, Value.Maybe maybe) {
        Lookup lookup = maybe.lookup();
        return switch (call.getNameAsString()) {
            case "orElseThrow", "get", "join" -> {
                walker.arguments(call);
                walker.throwsWhenAbsent(lookup);
                if (lookup != null) {
                    walker.context.foundForSure.add(lookup);
                }
                yield Optional.of(maybe.content());
            }
            case "orElse", "defaultIfEmpty", "switchIfEmpty" -> { // switchIfEmpty(repo.save(...)): Reactor's create-if-missing
                Flow outer = walker.flow;
                walker.flow = outer.withEmpty(lookup);
                walker.arguments(call);
                walker.flow = outer;
                yield Optional.of(maybe.content());
            }
            case "orElseGet", "or" -> {
                Value made = runWhenEmpty(walker, call, 0, lookup);
                yield Optional.of(maybe.content() instanceof Value.Unknown ? made : maybe.content());
            }
            case "isPresent" -> Optional.of(lookup == null ? Value.UNKNOWN : new Value.Presence(lookup, true));
            case "isEmpty" -> Optional.of(lookup == null ? Value.UNKNOWN : new Value.Presence(lookup, false));
            case "ifPresent" -> {
                runWithContent(walker, call, 0, maybe.content());
                yield Optional.of(Value.UNKNOWN);
            }
            case "ifPresentOrElse" -> {
                runWithContent(walker, call, 0, maybe.content());
                runWhenEmpty(walker, call, 1, lookup);
                yield Optional.of(Value.UNKNOWN);
            }
            case "map", "flatMap", "then", "doOnNext" -> {
                Value mapped = runWithContent(walker, call, 0, maybe.content());
                yield Optional.of(new Value.Maybe(mapped instanceof Value.Maybe inner ? inner.content() : mapped, lookup));
            }
            case "filter" -> {
                runWithContent(walker, call, 0, maybe.content());
                yield Optional.of(maybe);
            }
            default -> Optional.empty();
        };
    }

    private static Optional<Value> onResultList(MethodWalker walker, MethodCallExpr call, Value.LookupResult result) {
        Value row = result.rows() == null ? Value.UNKNOWN : new Value.Row(result.rows());
        return switch (call.getNameAsString()) {
            case "isEmpty" -> Optional.of(new Value.Presence(result.lookup(), false));
            case "size", "count" -> Optional.of(new Value.LookupResult(result.lookup(), Value.LookupResult.Kind.COUNT, result.rows()));
            case "stream", "filter", "sorted", "distinct", "limit" -> {
                walker.evalArguments(call);
                yield Optional.of(result);
            }
            case "findFirst", "findAny" -> Optional.of(new Value.Maybe(row, result.lookup()));
            case "get", "getFirst" -> {
                walker.arguments(call);
                yield Optional.of(row);
            }
            case "forEach" -> {
                runWithContent(walker, call, 0, row);
                yield Optional.of(Value.UNKNOWN);
            }
            case "anyMatch", "noneMatch" -> {
                runWithContent(walker, call, 0, row);
                yield Optional.of(Value.UNKNOWN);
            }
            default -> Optional.empty();
        };
    }

    /** Runs the lambda argument knowing the lookup came back empty: where the "create" of get-or-create is. */
    private static Value runWhenEmpty(MethodWalker walker, MethodCallExpr call, int index, Lookup lookup) {
        if (call.getArguments().size() <= index) {
            return Value.UNKNOWN;
        }
        Flow outer = walker.flow;
        walker.flow = outer.withEmpty(lookup);
        try {
            Value argument = walker.eval(call.getArgument(index));
            return argument instanceof Value.Lambda lambda ? walker.invoke(lambda, List.of(), walker.flow) : argument;
        } finally {
            walker.flow = outer;
        }
    }

    private static Value runWithContent(MethodWalker walker, MethodCallExpr call, int index, Value content) {
        if (call.getArguments().size() <= index) {
            return Value.UNKNOWN;
        }
        Value argument = walker.eval(call.getArgument(index));
        return argument instanceof Value.Lambda lambda ? walker.invoke(lambda, List.of(content), walker.flow) : Value.UNKNOWN;
    }

    static String attribute(String accessor) {
        String bare = accessor.startsWith("get") || accessor.startsWith("set") ? accessor.substring(3)
                : accessor.startsWith("is") ? accessor.substring(2) : accessor;
        return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }
}
