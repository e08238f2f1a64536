package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Counts likes: reads the count, adds one in Java, writes it back. Two concurrent likes count as one. */
public class Likes {

    private final DataSource dataSource;

    public Likes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int like(long postId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int likes;
            try (PreparedStatement select = connection.prepareStatement("select likes from post where id = ?")) {
                select.setLong(1, postId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    likes = rows.getInt(1);
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update post set likes = ? where id = ?")) {
                update.setInt(1, likes + 1);
                update.setLong(2, postId);
                update.executeUpdate();
            }
            connection.commit();
            return likes + 1;
        }
    }
}
