package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class LikesTest {

    @Test
    void likeAndView() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:likes;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table post (id bigint primary key, likes int not null, views int not null)");
            statement.execute("insert into post values (7, 41, 0)");
        }
        Likes likes = new Likes(dataSource);

        likes.like(7);
        assertEquals(1, likes.view(7));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select likes from post where id = 7")) {
            rows.next();
            assertEquals(42, rows.getInt(1));
        }
    }

    @Test
    void theProjectsOwnArgLineIsKept() {
        assertEquals("kept", System.getProperty("shop.marker"));
    }
}
