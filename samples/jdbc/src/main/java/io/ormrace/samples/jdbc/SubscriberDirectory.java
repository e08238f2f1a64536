package io.ormrace.samples.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The mailing list, in plain {@code java.sql}. Subscribing returns the address's unsubscribe token, creating the
 * subscription on the first call; the email column is the primary key.
 */
public class SubscriberDirectory {

    private final DataSource dataSource;

    public SubscriberDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Catches the duplicate a concurrent subscription causes and re-reads the winner's row, but in the same
     * transaction: PostgreSQL has aborted it, and MariaDB's REPEATABLE READ snapshot predates the other row.
     */
    public String subscribe(String email) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<String> existing = findToken(connection, email);
                if (existing.isPresent()) {
                    connection.commit();
                    return existing.get();
                }
                String token = UUID.randomUUID().toString();
                try {
                    insert(connection, email, token); // ormrace: unhandled-unique-violation
                } catch (SQLException e) {
                    if (!isUniqueViolation(e)) {
                        throw e;
                    }
                    token = findToken(connection, email).orElseThrow(
                            () -> new IllegalStateException("the subscription of " + email + " collided, but is not visible"));
                }
                connection.commit();
                return token;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Inserts under a savepoint, so that a duplicate only undoes the insert, then re-reads with a locking read,
     * which sees the latest committed row whatever the isolation level.
     */
    public String subscribeWithSavepoint(String email) throws SQLException {
        return subscribeUnderSavepoint(email, Connection.TRANSACTION_NONE, SubscriberDirectory::findTokenForUpdate);
    }

    /**
     * The seed story's other fix: READ COMMITTED instead of MariaDB's REPEATABLE READ, so that each statement sees
     * what is committed when it starts, and a plain re-read finds the winner. The savepoint is still needed, for
     * PostgreSQL aborts the transaction at the duplicate whatever the isolation level.
     */
    public String subscribeReadCommitted(String email) throws SQLException {
        return subscribeUnderSavepoint(email, Connection.TRANSACTION_READ_COMMITTED, SubscriberDirectory::findToken);
    }

    private interface TokenQuery {
        Optional<String> find(Connection connection, String email) throws SQLException;
    }

    private String subscribeUnderSavepoint(String email, int isolation, TokenQuery reRead) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int previousIsolation = connection.getTransactionIsolation();
            if (isolation != Connection.TRANSACTION_NONE) {
                connection.setTransactionIsolation(isolation);
            }
            connection.setAutoCommit(false);
            try {
                Optional<String> existing = findToken(connection, email);
                if (existing.isPresent()) {
                    connection.commit();
                    return existing.get();
                }
                String token = UUID.randomUUID().toString();
                Savepoint beforeInsert = connection.setSavepoint();
                try {
                    insert(connection, email, token);
                    connection.releaseSavepoint(beforeInsert);
                } catch (SQLException e) {
                    if (!isUniqueViolation(e)) {
                        throw e;
                    }
                    connection.rollback(beforeInsert);
                    token = reRead.find(connection, email).orElseThrow();
                }
                connection.commit();
                return token;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(previousIsolation);
            }
        }
    }

    public long count(String email) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select count(*) from subscriber where email = ?")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Optional<String> findToken(Connection connection, String email) throws SQLException {
        return queryToken(connection, "select token from subscriber where email = ?", email);
    }

    private static Optional<String> findTokenForUpdate(Connection connection, String email) throws SQLException {
        return queryToken(connection, "select token from subscriber where email = ? for update", email);
    }

    private static Optional<String> queryToken(Connection connection, String sql, String email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static void insert(Connection connection, String email, String token) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into subscriber (email, token) values (?, ?)")) {
            insert.setString(1, email);
            insert.setString(2, token);
            insert.executeUpdate();
        }
    }

    /** SQLState class 23 is an integrity constraint violation on every database; drivers differ in the subclass. */
    static boolean isUniqueViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
