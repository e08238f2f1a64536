package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.LambdaExpr;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What an expression evaluates to, as far as races are concerned. */
sealed interface Value permits Value.Unknown, Value.Text, Value.Row, Value.Fresh, Value.Scalar, Value.Maybe,
        Value.LookupResult, Value.Presence, Value.LoadedTable, Value.Lambda, Value.Connection, Value.Statement, Value.Result,
        Value.Query, Value.EntityManager, Value.EntityTransaction, Value.Savepoint, Value.Constant, CriteriaCalls.Criteria,
        CriteriaCalls.Path, CriteriaCalls.Predicate, CriteriaCalls.Root, CriteriaCalls.Builder, Value.MaxOf, Value.NextKey,
        Value.Example, Value.Built, Value.FreshKey, Value.Holder, JooqCalls.Query {

    Unknown UNKNOWN = new Unknown();

    /**
     * What a variable may hold where two paths meet. Values the races are made of win over unknown ones (a may
     * analysis: a count computed from the read on one branch is written on that path); two computed values combine
     * their sources, and only two equal copies stay a copy.
     */
    static Value join(Value a, Value b) {
        if (a == null || a.equals(b)) {
            return b;
        }
        if (a instanceof Constant && b instanceof Constant) {
            return UNKNOWN; // one value on one path, another on the other: no branch on it can be decided
        }
        if (a instanceof Constant || b instanceof Constant) {
            Value other = a instanceof Constant ? b : a;
            return other instanceof Unknown ? UNKNOWN : other; // what the row said on one path still counts
        }
        if (b == null || b instanceof Unknown) {
            return a;
        }
        if (a instanceof Unknown) {
            return b;
        }
        if (a instanceof Scalar first && b instanceof Scalar second) {
            Set<ColumnRef> sources = new java.util.HashSet<>(first.sources());
            sources.addAll(second.sources());
            return new Scalar(Set.copyOf(sources));
        }
        if (MethodWalker.lookupOf(a) == null && MethodWalker.lookupOf(b) != null) {
            return b; // a row found, or a new one: the path that looked it up is the one to follow
        }
        return a;
    }

    record Unknown() implements Value {
    }

    /**
     * An enum constant or a boolean, known where it is written and passed down into helpers: a branch on it that
     * cannot be taken there is not walked ({@code switch (event) case ACCEPTANCE} called with {@code PROPOSAL}).
     */
    record Constant(String name) implements Value {
        static final Constant TRUE = new Constant("true");
        static final Constant FALSE = new Constant("false");

        static Constant of(boolean value) {
            return value ? TRUE : FALSE;
        }

        boolean isBoolean() {
            return name.equals("true") || name.equals("false");
        }
    }

    /** A string constant: SQL text travels through variables and helper parameters. */
    record Text(String text, java.util.Map<Integer, Value> spliced) implements Value {
        Text(String text) {
            this(text, java.util.Map.of());
        }

        /**
         * SQL built by concatenation ({@code "update stock set qty = " + qty + " where id = " + id}): each value spliced
         * in becomes a {@code ?}, numbered as the statement's parameters are, and is kept as that parameter's value.
         */
        Text append(Value other) {
            if (other instanceof Text right) {
                int shift = placeholders(text);
                java.util.Map<Integer, Value> joined = new java.util.HashMap<>(spliced);
                right.spliced.forEach((index, value) -> joined.put(index + shift, value));
                return new Text((text + right.text).replace("'?'", "?"), java.util.Map.copyOf(joined));
            }
            java.util.Map<Integer, Value> joined = new java.util.HashMap<>(spliced);
            joined.put(placeholders(text) + 1, other);
            return new Text((text + "?").replace("'?'", "?"), java.util.Map.copyOf(joined));
        }

        /** {@code value + "..."}: the value spliced in first. */
        Text prepend(Value other) {
            java.util.Map<Integer, Value> joined = new java.util.HashMap<>();
            joined.put(1, other);
            spliced.forEach((index, value) -> joined.put(index + 1, value));
            return new Text(("?" + text).replace("'?'", "?"), java.util.Map.copyOf(joined));
        }

        private static int placeholders(String sql) {
            int count = 0;
            for (int i = 0; i < sql.length(); i++) {
                if (sql.charAt(i) == '?') {
                    count++;
                }
            }
            return count;
        }
    }

    /** An entity instance or JDBC row read from the database. */
    record Row(RowOrigin origin) implements Value {
    }

    /** {@code new Entity(...)}: not read from anywhere, so nothing about it can be stale. */
    record Fresh(String entity, NextKey key) implements Value {
        Fresh(String entity) {
            this(entity, null);
        }
    }

    /** The highest value of a column among the rows a lookup finds: {@code select max(number) from orders where ...}. */
    record MaxOf(Lookup lookup, String column) implements Value {
    }

    /** That highest value plus one: the next key a caller means to insert, the one a concurrent caller computes too. */
    record NextKey(Lookup lookup, String column) implements Value {
    }

    /**
     * A value computed from columns that were read.
     *
     * @param copy  the value is one column exactly as read, nothing computed: writing it back changes nothing
     */
    record Scalar(Set<ColumnRef> sources, boolean copy) implements Value {
        Scalar(Set<ColumnRef> sources) {
            this(sources, false);
        }

        /** A column as read. */
        static Scalar read(ColumnRef column) {
            return new Scalar(Set.of(column), true);
        }
    }

    /** An Optional (or a nullable result) of a row, from a lookup that may have found nothing. */
    record Maybe(Value content, Lookup lookup) implements Value {
    }

    /** A list, count or existence flag from a lookup. */
    record LookupResult(Lookup lookup, Kind kind, RowOrigin rows) implements Value {
        enum Kind { LIST, COUNT, EXISTS }
    }

    /** True when the lookup found something ({@code isPresent()}, {@code next()}), or the opposite. */
    /** @param sources  the columns the test reads, when it tests a column ({@code x.getOwner() == null}) */
    /**
     * @param foundDecides  whether a found row always takes one branch: false for {@code found && x.isSubmitted()},
     *                      where a found row may take either (the branch still tells, on some path, what was found)
     */
    record Presence(Lookup lookup, boolean presentWhenTrue, Set<ColumnRef> sources, boolean foundDecides) implements Value {
        Presence(Lookup lookup, boolean presentWhenTrue, Set<ColumnRef> sources) {
            this(lookup, presentWhenTrue, sources, true);
        }

        Presence(Lookup lookup, boolean presentWhenTrue) {
            this(lookup, presentWhenTrue, Set.of());
        }
    }

    /** Every row of a table, loaded to be diffed in memory: the bulk form of get-or-create. */
    record LoadedTable(Lookup lookup) implements Value {
    }

    /**
     * Code passed to be run later, with the variables it captured: a lambda, a method reference, or the one method of
     * an anonymous class ({@code new TransactionCallback<>() { ... }}).
     */
    record Lambda(NodeList<Parameter> parameters, com.github.javaparser.ast.stmt.Statement body, Env captured,
            MethodWalker definedIn) implements Value {
        static Lambda of(LambdaExpr expression, Env captured, MethodWalker definedIn) {
            return new Lambda(expression.getParameters(), expression.getBody(), captured, definedIn);
        }
    }

    /** A JDBC connection and its transaction state. */
    final class Connection implements Value {
        TxScope transaction;
        boolean autocommitKnown;
        boolean serializable;

        Connection(boolean autocommitKnown) {
            this.autocommitKnown = autocommitKnown;
        }
    }

    /** A JDBC statement: its SQL and the values bound to its parameters. */
    final class Statement implements Value {
        final String sql;
        final Connection connection;
        final Map<Integer, Value> parameters = new HashMap<>();

        Statement(String sql, Connection connection) {
            this.sql = sql;
            this.connection = connection;
        }
    }

    /** A JDBC result set, or a JPA query, over rows of one origin. */
    record Result(RowOrigin origin) implements Value {
    }

    /** A JPA query not executed yet. */
    final class Query implements Value {
        final String text;
        final boolean nativeSql;
        String lockMode;
        final Map<String, Value> parameters = new HashMap<>();

        Query(String text, boolean nativeSql) {
            this.text = text;
            this.nativeSql = nativeSql;
        }
    }

    /** An EntityManager or Session created here ({@code emf.createEntityManager()}), and its transaction. */
    final class EntityManager implements Value {
        TxScope transaction;
        final boolean createdHere;

        EntityManager(boolean createdHere) {
            this.createdHere = createdHere;
        }
    }

    /** {@code em.getTransaction()}. */
    record EntityTransaction(EntityManager owner) implements Value {
    }

    /**
     * A MyBatis Generator {@code XExample} and its criteria: the columns its {@code andXEqualTo(...)} calls compare, a
     * key as long as nothing but equalities (and null tests) is added, and no {@code or}.
     */
    final class Example implements Value {
        final java.util.List<String> columns = new java.util.ArrayList<>();
        boolean keyed = true;
        /** A criterion compares a column with the id of a row this walk inserted. */
        boolean freshKey;
        /** A criteria was started ({@code createCriteria()} or {@code or()}): another {@code or()} is a disjunction. */
        boolean ored;
        /** The columns compared with a string literal, and the literal. */
        final Map<String, String> literals = new HashMap<>();
    }

    /**
     * {@code new X()} of a plain class a MyBatis statement can be given, and what its setters were called with: a
     * mapped update writes the properties set on it (a selective update skips those never set), not every column.
     */
    final class Built implements Value {
        final String type;
        final Map<String, Value> properties = new HashMap<>();
        /** Passed to a mapped insert: its generated id is a {@link FreshKey}. */
        boolean inserted;

        Built(String type) {
            this.type = type;
        }
    }

    /**
     * The id of a row this walk inserted ({@code users.save(user); user.getId()}): no concurrent caller knows it yet,
     * so a lookup by it races with no one.
     */
    record FreshKey() implements Value {
        static final FreshKey INSTANCE = new FreshKey();
    }

    /**
     * An object of the project's own that holds a JDBC statement or connection in a field ({@code new Query(connection,
     * sql)} keeping {@code connection.prepareStatement(sql)}): its methods run with {@code this} being it, so the SQL
     * it was made with reaches the statement its methods execute.
     */
    final class Holder implements Value {
        final com.github.javaparser.ast.body.TypeDeclaration<?> declaration;
        final Map<String, Value> fields = new HashMap<>();

        Holder(com.github.javaparser.ast.body.TypeDeclaration<?> declaration) {
            this.declaration = declaration;
        }
    }

    /** {@code connection.setSavepoint()}. */
    record Savepoint() implements Value {
    }

    /** A column of a row: the unit of a lost update. */
    record ColumnRef(RowOrigin origin, String column) {
    }
}
