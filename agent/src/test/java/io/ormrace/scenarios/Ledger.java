package io.ormrace.scenarios;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Helpers of a service, named like none of the data access conventions: the race is their caller's. */
final class Ledger {

    private final Connection connection;

    Ledger(Connection connection) {
        this.connection = connection;
    }

    int balanceOf(long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select balance from account where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    void record(long id, int balance) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update account set balance = ? where id = ?")) {
            update.setInt(1, balance);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }
}
