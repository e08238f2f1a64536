package io.ormrace.samples.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a database server can be reached, asked once per run. Outside CI an unreachable server skips its runs
 * with one line on stderr; under {@code CI=true} nothing may skip, so an unreachable server fails its runs.
 */
final class Availability {

    private static final Map<Database, Optional<String>> PROBLEMS = new ConcurrentHashMap<>();

    private Availability() {
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Why the database cannot be used, or empty when it can. */
    static Optional<String> problem(Database database) {
        return PROBLEMS.computeIfAbsent(database, Availability::probe);
    }

    private static Optional<String> probe(Database database) {
        if (!database.isServer()) {
            return Optional.empty();
        }
        try {
            DriverManager.getDriver(database.administrationUrl());
        } catch (SQLException e) {
            throw new IllegalStateException("the " + database + " JDBC driver is not on the test classpath", e);
        }
        try (Connection ignored = DriverManager.getConnection(
                database.administrationUrl(), database.user(), database.password())) {
            return Optional.empty();
        } catch (SQLException e) {
            String unreachable = database + " is not reachable at " + database.address() + " (" + e.getMessage() + ")";
            if (underCi()) {
                return Optional.of(unreachable + ", and under CI=true its sample runs must not be skipped");
            }
            String skipped = unreachable + ": its sample runs are skipped (under CI=true they fail)";
            System.err.println("ormrace samples: " + skipped);
            return Optional.of(skipped);
        }
    }
}
