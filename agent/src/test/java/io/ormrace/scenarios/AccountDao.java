package io.ormrace.scenarios;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A hand-written DAO: every statement of its callers comes from these two lines. */
final class AccountDao {

    private final Connection connection;

    AccountDao(Connection connection) {
        this.connection = connection;
    }

    int balance(long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select balance from account where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    void setBalance(long id, int balance) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update account set balance = ? where id = ?")) {
            update.setInt(1, balance);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }
}
