package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Counts likes with one atomic update; views are counted the racy way, on purpose, and say so. */
public class Likes {

    private final DataSource dataSource;

    public Likes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void like(long postId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update post set likes = likes + 1 where id = ?")) {
            update.setLong(1, postId);
            update.executeUpdate();
        }
    }

    /** Approximate on purpose: a lost view now and then is fine. */
    @SuppressWarnings("ormrace:lost-update")
    public int view(long postId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int views;
            try (PreparedStatement select = connection.prepareStatement("select views from post where id = ?")) {
                select.setLong(1, postId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    views = rows.getInt(1);
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update post set views = ? where id = ?")) {
                update.setInt(1, views + 1);
                update.setLong(2, postId);
                update.executeUpdate();
            }
            connection.commit();
            return views + 1;
        }
    }
}
