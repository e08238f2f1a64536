package io.ormrace.scenarios;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Races the agent reports (a lost update in a transaction, a get-or-create in autocommit), on a connection that
 * writes down what reaches the database; prints that, a line each, for AgentIT to compare with and without the agent.
 */
public final class StatementStream {

    public static void main(String[] args) throws Exception {
        Class.forName(CountingDriver.class.getName());
        try (CountingConnection connection = CountingDriver.open("jdbc:counting:mem:stream;DB_CLOSE_DELAY=-1")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table stock (id bigint primary key, quantity int)");
                statement.execute("insert into stock values (1, 10)");
                statement.execute("create table tag (id bigint primary key, name varchar(40))");
            }
            connection.setAutoCommit(false);
            int quantity;
            try (PreparedStatement select = connection.prepareStatement("select quantity from stock where id = ?")) {
                select.setLong(1, 1);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    quantity = rows.getInt(1);
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update stock set quantity = ? where id = ?")) {
                update.setInt(1, quantity - 1);
                update.setLong(2, 1);
                update.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            boolean found;
            try (PreparedStatement lookup = connection.prepareStatement("select id from tag where name = ?")) {
                lookup.setString(1, "java");
                try (ResultSet rows = lookup.executeQuery()) {
                    found = rows.next();
                }
            }
            if (!found) {
                try (PreparedStatement insert = connection.prepareStatement("insert into tag (id, name) values (?, ?)")) {
                    insert.setLong(1, 7);
                    insert.setString(2, "java");
                    insert.executeUpdate();
                }
            }
            for (String line : connection.log) {
                System.out.println("STREAM " + line);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
