package shop.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Counts balance: reads the count, adds one in Java, writes it back. Two concurrent balance count as one. */
public class Balance {

    private final DataSource dataSource;

    public Balance(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int credit(long postId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int balance;
            try (PreparedStatement select = connection.prepareStatement("select balance from post where id = ?")) {
                select.setLong(1, postId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    balance = rows.getInt(1);
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update post set balance = ? where id = ?")) {
                update.setInt(1, balance + 1);
                update.setLong(2, postId);
                update.executeUpdate();
            }
            connection.commit();
            return balance + 1;
        }
    }
}
