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
    private final Map<Class<?>, AutoCloseable> shared = new LinkedHashMap<>();

    private TestDatabase(Database database, String name) {
        this.database = database;
        this.name = name;
        HikariConfig config = new HikariConfig();
        config.setPoolName(name + "-" + database.name().toLowerCase());
        config.setJdbcUrl(database.jdbcUrl(name));
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(8);
        this.pool = new HikariDataSource(config);
        this.dataSource = breakpoints.wrap(pool);
    }

    static TestDatabase create(Database database, String name) {
        if (database.isServer()) {
            administer(database, database.dropDatabase(name), database.createDatabase(name));
        }
        return new TestDatabase(database, name);
    }

    public Database kind() {
        return database;
    }

    public String jdbcUrl() {
        return database.jdbcUrl(name);
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
        while (queryForLong(database.lockWaitQuery()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(database + " reported no session waiting for a lock within "
                        + LOCK_WAIT_PATIENCE.toSeconds() + "s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
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
     * entity manager factory), closed before the database is dropped.
     */
    public synchronized <T extends AutoCloseable> T shared(Class<T> type, Function<TestDatabase, T> factory) {
        AutoCloseable existing = shared.get(type);
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
        shared.values().forEach(dependents::push);
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
