package io.ormrace.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain JDBC on H2, run in a child JVM under the agent by {@code AgentIT}. A line ending in
 * {@code // ormrace-runtime: RULE} is where the agent must report RULE (the first step of the sequence: the read,
 * the lookup, the lock); every other line must stay quiet.
 */
public final class JdbcScenarios {

    private final Connection connection;

    private JdbcScenarios(Connection connection) {
        this.connection = connection;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("java.lang open to the application: " + javaLangOpen());
        try {
            Class.forName("io.ormrace.scenarios.optional.OptionalSupport"); // a framework probing an optional feature
        } catch (NoClassDefFoundError | ClassNotFoundException absent) {
            // the feature is off
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:scenarios;DB_CLOSE_DELAY=-1", "sa", "")) {
            JdbcScenarios scenarios = new JdbcScenarios(connection);
            scenarios.schema();
            for (int i = 0; i < 3; i++) {
                scenarios.withdrawRacy(1, 10);
            }
            scenarios.withdrawIfFound(1, 10);
            scenarios.countView("2026-11-30", "/pricing");
            AccountDao dao = new AccountDao(connection);
            chargeFee(dao);
            refund(dao);
            payInterest(new Ledger(dao));
            scenarios.withdrawLocked(1, 10);
            scenarios.withdrawAtomic(1, 10);
            scenarios.withdrawVersioned(1, 10);
            scenarios.renameBlindly(1);
            scenarios.tagRacy("java");
            scenarios.tagUnique("java");
            scenarios.lockInAutocommit(1);
            if (java.util.Arrays.asList(args).contains("--runner-takes-system-err")) {
                // as surefire's forked booter does: its System.err is a channel to Maven, closed before the JVM exits
                System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select id from account")) {
                rows.next();
                rows.getInt("no_such_column");
            } catch (SQLException e) {
                System.out.println("getter threw " + e.getSQLState());
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1 from dual where 1 = (select 1)");
                statement.execute("select * from table(x varchar = ('hunter2', 'b'))");
            }
        }
    }

    /** What the agent must not do: open the JDK's internals to the application. */
    private static boolean javaLangOpen() {
        try {
            Throwable.class.getDeclaredField("backtrace").setAccessible(true);
            return true;
        } catch (RuntimeException | NoSuchFieldException e) {
            return false;
        }
    }

    private void schema() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table account (id bigint primary key, owner varchar(40), balance int, version int)");
            statement.execute("insert into account values (1, 'ann', 1000, 0)");
            statement.execute("insert into account values (2, 'bob', 500, 0)");
            statement.execute("insert into account values (3, 'cy', 100, 0)");
            statement.execute("create table tag (id bigint auto_increment primary key, name varchar(40))");
            statement.execute("create table page_view (id bigint auto_increment primary key, view_day varchar(10), "
                    + "path varchar(80), hits int, unique (view_day, path))");
            statement.execute("insert into page_view (view_day, path, hits) values ('2026-11-30', '/pricing', 0)");
            statement.execute("create table unique_tag (id bigint auto_increment primary key, name varchar(40) unique)");
        }
    }

    private int balance(long id, String lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select balance from account where id = ?" + lock)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) { // ormrace-runtime: lock-outside-transaction
                rows.next();
                return rows.getInt("balance");
            }
        }
    }

    private void setBalance(long id, int balance) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update account set balance = ? where id = ?")) {
            update.setInt(1, balance);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Read by one private helper and written by another: reported here, where both are called. */
    void withdrawRacy(long id, int amount) throws SQLException {
        int balance = balance(id, ""); // ormrace-runtime: lost-update
        setBalance(id, balance - amount);
    }

    /** The everyday shape: one next(), the write inside it, and only the statement closed. */
    void withdrawIfFound(long id, int amount) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select balance from account where id = ?")) {
            select.setLong(1, id);
            ResultSet rows = select.executeQuery(); // ormrace-runtime: lost-update
            if (rows.next()) {
                setBalance(id, rows.getInt("balance") - amount);
            }
        }
    }

    /** Two services through one DAO: two races, each at the service line that computed what the DAO wrote. */
    static void chargeFee(AccountDao dao) throws SQLException {
        int balance = dao.balance(2); // ormrace-runtime: lost-update
        dao.setBalance(2, balance - 5);
    }

    static void refund(AccountDao dao) throws SQLException {
        int balance = dao.balance(2); // ormrace-runtime: lost-update
        dao.setBalance(2, balance + 20);
    }

    /** Read by one helper and written by another, both called here: the race is this method's, at the read's line. */
    static void payInterest(Ledger ledger) throws SQLException {
        int balance = ledger.balanceOf(3); // ormrace-runtime: lost-update
        ledger.record(3, balance + 1);
    }

    /** A counter read and written by its unique business key, not by its id. */
    void countView(String day, String path) throws SQLException {
        int hits;
        try (PreparedStatement select = connection.prepareStatement("select hits from page_view where view_day = ? and path = ?")) {
            select.setString(1, day);
            select.setString(2, path);
            try (ResultSet rows = select.executeQuery()) { // ormrace-runtime: lost-update
                rows.next();
                hits = rows.getInt(1);
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update page_view set hits = ? where view_day = ? and path = ?")) {
            update.setInt(1, hits + 1);
            update.setString(2, day);
            update.setString(3, path);
            update.executeUpdate();
        }
    }

    void withdrawLocked(long id, int amount) throws SQLException {
        connection.setAutoCommit(false);
        int balance = balance(id, " for update");
        setBalance(id, balance - amount);
        connection.commit();
        connection.setAutoCommit(true);
    }

    void withdrawAtomic(long id, int amount) throws SQLException {
        balance(id, "");
        try (PreparedStatement update = connection.prepareStatement("update account set balance = balance - ? where id = ?")) {
            update.setInt(1, amount);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    void withdrawVersioned(long id, int amount) throws SQLException {
        int balance;
        int version;
        try (PreparedStatement select = connection.prepareStatement("select balance, version from account where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                balance = rows.getInt(1);
                version = rows.getInt(2);
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update account set balance = ?, version = ? where id = ? and version = ?")) {
            update.setInt(1, balance - amount);
            update.setInt(2, version + 1);
            update.setLong(3, id);
            update.setInt(4, version);
            update.executeUpdate();
        }
    }

    void renameBlindly(long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select owner from account where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                rows.getString(1);
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update account set owner = ? where id = ?")) {
            update.setString(1, "bob");
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private void tag(String table, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id from " + table + " where name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) { // ormrace-runtime: racy-get-or-create
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (name) values (?)")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }
    }

    void tagRacy(String name) throws SQLException {
        tag("tag", name);
    }

    void tagUnique(String name) throws SQLException {
        tag("unique_tag", name);
    }

    void lockInAutocommit(long id) throws SQLException {
        balance(id, " for update");
    }
}
