package io.ormrace.samples.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * One sample module's own database on one {@link Database}: created empty for the run, pooled, hooked for
 * breakpoints, and dropped at the end so the servers are left as they were found.
 */
public final class TestDatabase implements AutoCloseable {

    private static final Duration LOCK_WAIT_PATIENCE = Duration.ofSeconds(30);

    private final Database database;
    private final String name;
    private final HikariDataSource pool;
    private final SqlBreakpoints breakpoints = new SqlBreakpoints();
    private final DataSource dataSource;
    private final Map<Class<?>, Object> shared = new LinkedHashMap<>();

    private TestDatabase(Database database, String name, String h2Settings) {
        this.database = database;
        this.name = name;
        HikariConfig config = new HikariConfig();
        config.setPoolName(name + "-" + database.name().toLowerCase());
        config.setJdbcUrl(database.jdbcUrl(name, h2Settings));
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(8);
        this.pool = new HikariDataSource(config);
        this.dataSource = breakpoints.wrap(pool);
    }

    static TestDatabase create(Database database, String name, String h2Settings) {
        if (database.isServer()) {
            administer(database, database.dropDatabase(name), database.createDatabase(name));
        }
        return new TestDatabase(database, name, h2Settings);
    }

    public Database kind() {
        return database;
    }

    /** The pooled data source the application under test uses; statements through it can hit breakpoints. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Holds the first thread that executes a statement matching {@code sql}, right after it returns. */
    public Breakpoint pauseAfter(String description, Predicate<String> sql) {
        return breakpoints.pauseAfter(description, sql);
    }

    void clearBreakpoints() {
        breakpoints.clear();
    }

    /**
     * Returns once the database reports a session waiting for a row lock: the proof that a lock makes the second
     * thread wait, observed on the server rather than guessed from timing.
     */
    public void awaitLockWait() {
        long deadline = System.nanoTime() + LOCK_WAIT_PATIENCE.toNanos();
        while (lockWaits() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(database + " reported no session waiting for a lock within "
                        + LOCK_WAIT_PATIENCE.toSeconds() + "s; sessions:\n" + activity());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private long lockWaits() {
        return database.isServer() ? queryForLong(database.lockWaitQuery()) : embeddedH2LockWaits();
    }

    /**
     * Embedded H2 runs in the caller's thread, so its waits show in thread stacks: a row lock parks the thread in
     * the transaction's wait, and a uniqueness conflict with an uncommitted row makes it retry the statement,
     * raising a "concurrent update" from the unique index each time, until the other transaction ends.
     */
    private static long embeddedH2LockWaits() {
        return Thread.getAllStackTraces().values().stream().filter(TestDatabase::isH2Waiting).count();
    }

    private static boolean isH2Waiting(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            String type = stack[i].getClassName();
            String method = stack[i].getMethodName();
            if (type.equals("org.h2.mvstore.tx.Transaction") && method.startsWith("waitFor")) {
                return true;
            }
            if (type.equals("org.h2.command.Command") && method.equals("filterConcurrentUpdate")) {
                return true;
            }
            if (method.equals("checkUnique") && i > 0 && stack[i - 1].getClassName().equals("org.h2.message.DbException")) {
                return true;
            }
        }
        return false;
    }

    private String activity() {
        StringBuilder out = new StringBuilder();
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(database.activityQuery())) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(i == 1 ? "  " : " | ").append(rows.getString(i));
                }
                out.append('\n');
            }
        } catch (SQLException e) {
            out.append("  (could not list sessions: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    /** Runs a query outside the application, for assertions on what is really stored. */
    public long queryForLong(String sql, Object... parameters) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no row from: " + sql);
                }
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on " + database + ": " + sql, e);
        }
    }

    /** Runs DDL or DML outside the application, in autocommit. */
    public void execute(String sql, Object... parameters) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed on " + database + ": " + sql, e);
        }
    }

    /**
     * Something built once per database and reused by every test of the run (an application context, an
     * entity manager factory), closed before the database is dropped when it is {@link AutoCloseable}.
     */
    public synchronized <T> T shared(Class<T> type, Function<TestDatabase, T> factory) {
        Object existing = shared.get(type);
        if (existing == null) {
            existing = factory.apply(this);
            shared.put(type, existing);
        }
        return type.cast(existing);
    }

    @Override
    public synchronized void close() throws Exception {
        breakpoints.clear();
        Deque<AutoCloseable> dependents = new ArrayDeque<>();
        shared.values().stream().filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).forEach(dependents::push);
        for (AutoCloseable dependent : dependents) {
            dependent.close();
        }
        shared.clear();
        pool.close();
        if (database.isServer()) {
            administer(database, database.dropDatabase(name));
        }
    }

    private static void administer(Database database, String... statements) {
        try (Connection connection = DriverManager.getConnection(
                database.administrationUrl(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the samples' database on " + database + " at "
                    + database.address() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return database.displayName();
    }
}
