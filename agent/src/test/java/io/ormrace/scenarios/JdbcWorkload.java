package io.ormrace.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The agent's overhead workload: plain JDBC on H2 in memory, mixed transactions of select, update and insert.
 * Run it with and without {@code -javaagent} and compare the printed times (a harness, not a test).
 */
public final class JdbcWorkload {

    public static void main(String[] args) throws Exception {
        int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:workload;DB_CLOSE_DELAY=-1", "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table item (id bigint primary key, name varchar(40), quantity int)");
                statement.execute("create table event (id bigint auto_increment primary key, item bigint, delta int)");
            }
            for (long id = 0; id < 1000; id++) {
                try (PreparedStatement insert = connection.prepareStatement("insert into item values (?, ?, 100)")) {
                    insert.setLong(1, id);
                    insert.setString(2, "item-" + id);
                    insert.executeUpdate();
                }
            }
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                long statements = run(connection, transactions);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: %,d statements in %.2f s (%.2f us/statement)%n", round, statements, seconds,
                        seconds * 1e6 / statements);
            }
        }
    }

    private static long run(Connection connection, int transactions) throws Exception {
        long statements = 0;
        connection.setAutoCommit(false);
        for (int i = 0; i < transactions; i++) {
            long id = i % 1000;
            int quantity;
            try (PreparedStatement select = connection.prepareStatement(
                    "select name, quantity from item where id = ?" + (i % 2 == 0 ? " for update" : ""))) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    rows.getString(1);
                    quantity = rows.getInt(2);
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    i % 2 == 0 ? "update item set quantity = ? where id = ?" : "update item set quantity = quantity + ? where id = ?")) {
                update.setInt(1, i % 2 == 0 ? quantity - 1 : 1);
                update.setLong(2, id);
                update.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into event (item, delta) values (?, ?)")) {
                insert.setLong(1, id);
                insert.setInt(2, -1);
                insert.executeUpdate();
            }
            connection.commit();
            statements += 3;
        }
        connection.setAutoCommit(true);
        return statements;
    }
}
