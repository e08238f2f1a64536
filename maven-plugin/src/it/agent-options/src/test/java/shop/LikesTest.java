package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class LikesTest {

    @Test
    void likeCountsOne() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:likes;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table post (id bigint primary key, likes int not null)");
            statement.execute("insert into post values (7, 41)");
        }

        assertEquals(42, new Likes(dataSource).like(7));
    }

    @Test
    void theProjectsOwnArgLineIsKept() {
        assertEquals("kept", System.getProperty("shop.marker"));
    }
}
