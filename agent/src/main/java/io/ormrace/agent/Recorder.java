package io.ormrace.agent;

import io.ormrace.agent.bootstrap.Dispatcher;
import io.ormrace.agent.rules.DatabaseKeys;
import io.ormrace.agent.rules.Detected;
import io.ormrace.agent.rules.LockOutsideTransactionRule;
import io.ormrace.agent.rules.LostUpdateRule;
import io.ormrace.agent.rules.OwnConnections;
import io.ormrace.agent.rules.RacyGetOrCreateRule;
import io.ormrace.agent.rules.Redaction;
import io.ormrace.agent.rules.RuleContext;
import io.ormrace.agent.rules.Values;
import io.ormrace.agent.sql.ColumnRef;
import io.ormrace.agent.sql.SqlShape;
import io.ormrace.agent.sql.SqlShapes;
import io.ormrace.agent.state.Caller;
import io.ormrace.agent.state.ConnectionState;
import io.ormrace.agent.state.EmptyLookup;
import io.ormrace.agent.state.ResultSetState;
import io.ormrace.agent.state.RowRead;
import io.ormrace.agent.state.StatementState;
import io.ormrace.agent.state.ThreadState;
import io.ormrace.agent.state.WeakIdentityMap;
import io.ormrace.core.Finding;
import io.ormrace.core.Suppressions;
import io.ormrace.core.TestCase;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Follows the JDBC events of every thread and hands each statement to the rules that can use it. Everything is
 * keyed by the objects the application holds (connection handle, statement, result set), so pools and proxies are
 * seen as the application sees them.
 */
final class Recorder implements Dispatcher.Sink {

    private final WeakIdentityMap<Object, ConnectionState> connections = new WeakIdentityMap<>();
    private final WeakIdentityMap<Object, StatementState> statements = new WeakIdentityMap<>();
    private final SqlShapes shapes = new SqlShapes();
    private final OwnConnections ownConnections = new OwnConnections();
    private final DatabaseKeys keys = new DatabaseKeys(ownConnections);
    private final FindingLog log = new FindingLog();
    private final CallSites callSites;
    private final Redaction redaction;
    private final LostUpdateRule lostUpdate = new LostUpdateRule();
    private final RacyGetOrCreateRule getOrCreate = new RacyGetOrCreateRule();
    private final LockOutsideTransactionRule lockOutside = new LockOutsideTransactionRule();
    final LongAdder statementsSeen = new LongAdder();

    private final Suppressions suppressions;

    Recorder(CallSites callSites, Redaction redaction, Suppressions suppressions) {
        this.callSites = callSites;
        this.redaction = redaction;
        this.suppressions = suppressions;
    }

    // ------------------------------------------------------------------ connections and statements

    private ConnectionState connection(Object handle) {
        ConnectionState state = connections.get(handle);
        if (state == null) {
            state = new ConnectionState(handle);
            connections.put(handle, state);
        }
        return state;
    }

    /** The same, through the thread's last connection: a thread runs statement after statement on one connection. */
    private ConnectionState connection(Dispatcher.Frame frame, Object handle) {
        ThreadState thread = thread(frame);
        ConnectionState state = thread.connection().get(handle);
        if (state == null) {
            state = connection(handle);
            thread.connection().set(handle, state);
        }
        return state;
    }

    private static ThreadState thread(Dispatcher.Frame frame) {
        Object state = frame.state;
        if (state == null) {
            state = new ThreadState();
            frame.state = state;
        }
        return (ThreadState) state;
    }

    @Override
    public void prepared(Dispatcher.Frame frame, Object connection, Object statement, String sql) {
        opened(frame, statement, new StatementState(connection(frame, connection), sql));
    }

    @Override
    public void created(Dispatcher.Frame frame, Object connection, Object statement) {
        opened(frame, statement, new StatementState(connection(frame, connection), null));
    }

    private void opened(Dispatcher.Frame frame, Object statement, StatementState state) {
        statements.put(statement, state);
        thread(frame).statement().set(statement, state);
    }

    /** A statement's state: the thread's last one (binds, execute and close of one statement follow each other). */
    private StatementState statement(Dispatcher.Frame frame, Object statement) {
        ThreadState thread = thread(frame);
        StatementState state = thread.statement().get(statement);
        if (state != null) {
            return state;
        }
        state = statements.get(statement);
        if (state == null && statement instanceof Statement jdbc) {
            try {
                state = new StatementState(connection(jdbc.getConnection()), null);
                statements.put(statement, state);
            } catch (Exception e) {
                return null;
            }
        }
        if (state != null) {
            thread.statement().set(statement, state);
        }
        return state;
    }

    @Override
    public void bound(Dispatcher.Frame frame, Object statement, String method, int index, Object value) {
        StatementState state = statement(frame, statement);
        if (state != null) {
            state.bind(index, method.equals("setNull") ? null : value);
        }
    }

    @Override
    public void parametersCleared(Dispatcher.Frame frame, Object statement) {
        StatementState state = statement(frame, statement);
        if (state != null) {
            state.clearBinds();
        }
    }

    @Override
    public void autoCommitSet(Dispatcher.Frame frame, Object connection, boolean autoCommit) {
        connection(frame, connection).autoCommit(autoCommit);
    }

    @Override
    public void transactionEnded(Dispatcher.Frame frame, Object connection, boolean committed) {
        connection(frame, connection).transactionEnded();
    }

    @Override
    public void isolationSet(Dispatcher.Frame frame, Object connection, int level) {
        connection(frame, connection).isolation(level);
    }

    @Override
    public void connectionClosed(Dispatcher.Frame frame, Object connection) {
        connections.remove(connection);
        ThreadState thread = thread(frame);
        thread.connection().forget(connection);
        flushOpenRows(thread);
    }

    @Override
    public void driverConnected(Dispatcher.Frame frame, Object driver, String url, Object info, Object connection) {
        ownConnections.connected(driver, url, info, connection);
    }

    // ------------------------------------------------------------------ statements run

    @Override
    public void executed(Dispatcher.Frame frame, Object statement, String sql, Object result) {
        StatementState state = statement(frame, statement);
        if (state == null) {
            return;
        }
        String text = sql != null ? sql : state.sql;
        if (text == null) {
            return;
        }
        statementsSeen.increment();
        Object[] binds = sql != null ? StatementState.NO_BINDS : state.binds();
        SqlShape shape = sql != null ? shapes.shape(sql) : state.shape(shapes);
        handle(frame, shape, binds, state.connection, result instanceof ResultSet ? result : null);
        if (state.connection.autoCommit()) {
            state.connection.transactionEnded();
        }
    }

    @Override
    public void batchAdded(Dispatcher.Frame frame, Object statement, String sql) {
        StatementState state = statement(frame, statement);
        if (state != null) {
            state.addBatch(sql);
        }
    }

    @Override
    public void batchExecuted(Dispatcher.Frame frame, Object statement) {
        StatementState state = statement(frame, statement);
        if (state == null) {
            return;
        }
        List<Object[]> rows = state.takeBatch();
        if (state.sql != null) {
            SqlShape shape = state.shape(shapes);
            for (Object[] binds : rows) {
                statementsSeen.increment();
                handle(frame, shape, binds, state.connection, null);
            }
        }
        for (String text : state.takeBatchTexts()) {
            statementsSeen.increment();
            handle(frame, shapes.shape(text), StatementState.NO_BINDS, state.connection, null);
        }
        if (state.connection.autoCommit()) {
            state.connection.transactionEnded();
        }
    }

    private void handle(Dispatcher.Frame frame, SqlShape shape, Object[] binds, ConnectionState connection, Object resultSet) {
        ThreadState thread = thread(frame);
        flushOpenRows(thread);
        Context context = new Context();
        if (shape instanceof SqlShape.Select select) {
            if (resultSet == null && !select.locking()) {
                return; // execute(sql): its rows come through getResultSet(), which captures the caller
            }
            boolean locked = select.locking() && !connection.autoCommit();
            lockOutside.check(select, connection, context).ifPresent(this::record);
            if (resultSet != null) {
                thread.open(resultSet, new ResultSetState(select, binds, connection, connection.transaction(), locked,
                        context.caller(), resultSet));
            }
        } else if (shape instanceof SqlShape.Update update) {
            lostUpdate.check(update, binds, connection, thread, context).ifPresent(this::record);
        } else if (shape instanceof SqlShape.Insert insert) {
            if (!thread.lookedUp(insert.table())) {
                return;
            }
            for (List<io.ormrace.agent.sql.Operand> values : insert.rows()) {
                if (values.size() != insert.columns().size()) {
                    continue;
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    row.put(insert.columns().get(i), Values.resolve(values.get(i), binds));
                }
                getOrCreate.check(insert, row, connection, thread, context).ifPresent(this::record);
            }
        } else if (shape instanceof SqlShape.TransactionControl control && control.ends()) {
            connection.transactionEnded();
        }
    }

    /** Captures the statement's caller once, and only if a rule asks for it. */
    private final class Context implements RuleContext {
        private Caller caller;

        @Override
        public Caller caller() {
            if (caller == null) {
                caller = callSites.capture();
            }
            return caller;
        }

        @Override
        public DatabaseKeys keys() {
            return keys;
        }

        @Override
        public Redaction redaction() {
            return redaction;
        }
    }

    private void record(Detected detected) {
        log.record(detected.key(), detected.finding());
    }

    // ------------------------------------------------------------------ result sets

    @Override
    public void resultSetOpened(Dispatcher.Frame frame, Object statement, Object resultSet) {
        StatementState state = statement(frame, statement);
        ThreadState thread = thread(frame);
        if (state == null || thread.resultSet(resultSet) != null) {
            return;
        }
        // execute(sql) then getResultSet(): the text went by with execute; prepared statements keep theirs
        if (state.sql != null && state.shape(shapes) instanceof SqlShape.Select select) {
            thread.open(resultSet, new ResultSetState(select, state.binds(), state.connection,
                    state.connection.transaction(), select.locking() && !state.connection.autoCommit(),
                    callSites.capture(), resultSet));
        }
    }

    @Override
    public void statementClosed(Dispatcher.Frame frame, Object statement) {
        statements.remove(statement);
        ThreadState thread = thread(frame);
        thread.statement().forget(statement);
        flushOpenRows(thread); // its result sets are closed with it, whether the application closed them or not
    }

    @Override
    public void rowAdvanced(Dispatcher.Frame frame, Object resultSet, boolean hasRow) {
        ThreadState thread = thread(frame);
        ResultSetState state = thread.resultSet(resultSet);
        if (state == null) {
            return;
        }
        flushRow(thread, state);
        if (hasRow) {
            state.startRow();
        } else {
            finish(thread, state);
        }
    }

    @Override
    public void valueRead(Dispatcher.Frame frame, Object resultSet, Object column, Object value) {
        ThreadState thread = thread(frame);
        ResultSetState state = thread.resultSet(resultSet);
        if (state == null || !state.inRow()) {
            return;
        }
        if (state.shape.count()) {
            state.count = value;
            return;
        }
        ColumnRef ref = column instanceof Integer position ? byPosition(state, position) : byLabel(state, column);
        if (ref != null) {
            state.put(ref, value);
        }
    }

    private ColumnRef byPosition(ResultSetState state, int position) {
        List<ColumnRef> items = state.shape.items();
        if (!state.shape.star() && position >= 1 && position <= items.size()) {
            return items.get(position - 1);
        }
        String name = metadataName(state, position);
        return name == null ? null : new ColumnRef(mainTable(state.shape), name);
    }

    private ColumnRef byLabel(ResultSetState state, Object label) {
        if (!(label instanceof String text)) {
            return null;
        }
        String key = SqlShapes.name(text);
        ColumnRef ref = state.shape.labels().get(key);
        return ref != null ? ref : new ColumnRef(mainTable(state.shape), key);
    }

    /** Only for {@code select *}: what the driver says the column at a position is. */
    private static String metadataName(ResultSetState state, int position) {
        if (state.metadataNames == null) {
            try {
                ResultSetMetaData metadata = ((ResultSet) state.resultSet()).getMetaData();
                String[] names = new String[metadata.getColumnCount() + 1];
                for (int i = 1; i < names.length; i++) {
                    names[i] = metadata.getColumnName(i).toLowerCase(Locale.ROOT);
                }
                state.metadataNames = names;
            } catch (Exception e) {
                state.metadataNames = new String[0];
            }
        }
        return position >= 1 && position < state.metadataNames.length ? state.metadataNames[position] : null;
    }

    private static String mainTable(SqlShape.Select select) {
        return select.tables().size() == 1 ? select.tables().iterator().next()
                : select.items().stream().filter(java.util.Objects::nonNull).map(ColumnRef::table).findFirst().orElse("?");
    }

    /**
     * The rows being read are remembered before the next statement runs: {@code if (rs.next()) { ...; update ... }}
     * reads a row and writes it with no second {@code next()} and maybe no {@code close()} of the result set. Values
     * read after this go into the row's next part.
     */
    private static void flushOpenRows(ThreadState thread) {
        for (ResultSetState open : thread.openResultSets()) {
            if (open.inRow()) {
                flushRow(thread, open);
                open.continueRow();
            }
        }
    }

    /** The row just read becomes one remembered row per table it had columns of. */
    private static void flushRow(ThreadState thread, ResultSetState state) {
        if (!state.inRow()) {
            return;
        }
        for (Map.Entry<String, Map<String, Object>> table : state.endRow().entrySet()) {
            thread.remember(new RowRead(table.getKey(), table.getValue(), known(state, table.getKey()), state.locked,
                    state.connection, state.transaction, state.caller, state.shape.text()));
        }
    }

    /** What the select's where says every row of a table has. */
    private static Map<String, Object> known(ResultSetState state, String table) {
        Map<String, Object> known = Map.of();
        for (SqlShape.Eq eq : state.shape.where()) {
            if (eq.column().table().equals(table)) {
                Object value = Values.resolve(eq.value(), state.binds);
                if (value != Values.UNKNOWN) {
                    if (known.isEmpty()) {
                        known = new HashMap<>(4);
                    }
                    known.put(eq.column().column(), value);
                }
            }
        }
        return known;
    }

    private void finish(ThreadState thread, ResultSetState state) {
        if (state.finished) {
            return;
        }
        state.finished = true;
        thread.close(state);
        if (state.shape.count()) {
            if (state.count instanceof Number n && n.longValue() == 0) {
                rememberLookup(thread, state, null);
            }
        } else if (state.rows == 0) {
            rememberLookup(thread, state, null);
        }
        for (SqlShape.In in : state.shape.inLists()) {
            for (io.ormrace.agent.sql.Operand operand : in.values()) {
                Object value = Values.resolve(operand, state.binds);
                if (value != Values.UNKNOWN && value != null && !state.returned(in.column(), value)) {
                    rememberLookup(thread, state, Map.entry(in.column().column(), value));
                }
            }
        }
    }

    /** A lookup that found nothing: by its where equalities, or by one value of an {@code in} list. */
    private static void rememberLookup(ThreadState thread, ResultSetState state, Map.Entry<String, Object> inValue) {
        if (state.shape.tables().size() != 1) {
            return;
        }
        String table = state.shape.tables().iterator().next();
        Map<String, Object> values = new HashMap<>();
        for (SqlShape.Eq eq : state.shape.where()) {
            Object value = Values.resolve(eq.value(), state.binds);
            if (value == Values.UNKNOWN) {
                return;
            }
            values.put(eq.column().column(), value);
        }
        if (inValue != null) {
            values.put(inValue.getKey(), inValue.getValue());
        }
        if (!values.isEmpty()) {
            thread.remember(new EmptyLookup(table, values, state.caller, state.shape.text(), state.connection,
                    state.transaction));
        }
    }

    @Override
    public void resultSetClosed(Dispatcher.Frame frame, Object resultSet) {
        ThreadState thread = thread(frame);
        ResultSetState state = thread.resultSet(resultSet);
        if (state != null) {
            flushRow(thread, state);
            finish(thread, state);
        }
    }

    // ------------------------------------------------------------------ tests and the end of the run

    @Override
    public void testStarted(String className, String methodName, String displayName) {
        log.testStarted(new TestCase(className, methodName, displayName));
    }

    @Override
    public String[] testFinished() {
        return suppressions.unsuppressed(log.testFinished()).stream().map(Recorder::line).toArray(String[]::new);
    }

    private static String line(Finding finding) {
        String fix = finding.firstFix().map(f -> "\n    fix: " + f.title() + ": " + f.code()).orElse("");
        return finding.severity() + "\t" + finding.location() + ": [" + finding.rule().id() + "] " + finding.message() + fix;
    }

    /** Every finding seen, suppressed or not. */
    List<Finding> findings() {
        return log.all();
    }

    long droppedFindings() {
        return log.dropped();
    }

    SqlShapes shapes() {
        return shapes;
    }

}
