package io.ormrace.samples.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Takes items out of stock, in plain {@code java.sql}. Stock must not go below zero, nor lose a taking. */
public class StockRoom {

    private final DataSource dataSource;

    public StockRoom(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void stock(String sku, int quantity) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into stock_item (sku, quantity) values (?, ?)")) {
            insert.setString(1, sku);
            insert.setInt(2, quantity);
            insert.executeUpdate();
        }
    }

    /**
     * Locks the row with {@code for update}, but the connection is in autocommit: the select is its own
     * transaction, so the lock is gone before the update runs, and a concurrent taking is lost.
     */
    public boolean take(String sku, int quantity) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int available = lockedQuantity(connection, sku); // ormrace: lock-outside-transaction // ormrace-runtime: lost-update
            if (available < quantity) {
                return false;
            }
            setQuantity(connection, sku, available - quantity); // ormrace: lost-update
            return true;
        }
    }

    /** The same statements in one transaction: the lock holds until the commit. */
    public boolean takeInTransaction(String sku, int quantity) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int available = lockedQuantity(connection, sku);
                boolean taken = available >= quantity;
                if (taken) {
                    setQuantity(connection, sku, available - quantity);
                }
                connection.commit();
                return taken;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public int quantity(String sku) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return quantity(connection, sku, "select quantity from stock_item where sku = ?");
        }
    }

    private static int lockedQuantity(Connection connection, String sku) throws SQLException {
        return quantity(connection, sku, "select quantity from stock_item where sku = ? for update");
    }

    private static int quantity(Connection connection, String sku, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, sku);
            try (ResultSet rows = select.executeQuery()) { // ormrace-runtime: lock-outside-transaction
                if (!rows.next()) {
                    throw new IllegalArgumentException("no such item: " + sku);
                }
                return rows.getInt(1);
            }
        }
    }

    private static void setQuantity(Connection connection, String sku, int quantity) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update stock_item set quantity = ? where sku = ?")) {
            update.setInt(1, quantity);
            update.setString(2, sku);
            update.executeUpdate();
        }
    }
}
