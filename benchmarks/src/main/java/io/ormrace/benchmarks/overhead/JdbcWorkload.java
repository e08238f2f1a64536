package io.ormrace.benchmarks.overhead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Plain JDBC on H2 in memory: mixed transactions of select (half of them {@code for update}), update (absolute or
 * atomic) and insert, 3 statements and a commit each. 70,000 transactions = 210,000 statements a round.
 */
final class JdbcWorkload implements Workload {

    private static final int TRANSACTIONS = 70_000;
    private static final int ITEMS = 1000;

    @Override
    public void prepare(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table item (id bigint primary key, name varchar(40), quantity int)");
            statement.execute("create table event (id bigint auto_increment primary key, item bigint, delta int)");
            for (long id = 0; id < ITEMS; id++) {
                try (PreparedStatement insert = connection.prepareStatement("insert into item values (?, ?, 100)")) {
                    insert.setLong(1, id);
                    insert.setString(2, "item-" + id);
                    insert.executeUpdate();
                }
            }
        }
    }

    @Override
    public long run(DataSource dataSource) throws Exception {
        long statements = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < TRANSACTIONS; i++) {
                long id = i % ITEMS;
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
                try (PreparedStatement update = connection.prepareStatement(i % 2 == 0
                        ? "update item set quantity = ? where id = ?"
                        : "update item set quantity = quantity + ? where id = ?")) {
                    update.setInt(1, i % 2 == 0 ? quantity - 1 : 1);
                    update.setLong(2, id);
                    update.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into event (item, delta) values (?, ?)")) {
                    insert.setLong(1, id);
                    insert.setInt(2, -1);
                    insert.executeUpdate();
                }
                connection.commit();
                statements += 3;
            }
            connection.setAutoCommit(true);
        }
        return statements;
    }
}
