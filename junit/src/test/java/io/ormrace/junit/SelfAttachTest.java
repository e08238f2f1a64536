package io.ormrace.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** This test JVM has no -javaagent: the extension attaches the agent itself, as in an IDE's test runner. */
class SelfAttachTest {

    @Test
    void withOnlyTheExtensionOnTheClassPathARaceFailsItsTest() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(RacyScenario.class))
                .configurationParameter(OrmraceExtension.FAIL_ON, "warning")
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(tests.failed().stream().findFirst().orElseThrow().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow().getMessage())
                .startsWith("ormrace: 1 race(s) seen during this test")
                .contains("[lost-update]").contains("SelfAttachTest.java");
    }

    /** Run by the test kit above only (a nested class: surefire leaves it alone). */
    @ExtendWith(OrmraceExtension.class)
    static class RacyScenario {

        @Test
        void likeReadsTheCountAndWritesItBackPlusOne() throws Exception {
            try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:attach;DB_CLOSE_DELAY=-1", "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table if not exists post (id bigint primary key, likes int)");
                statement.execute("merge into post key (id) values (7, 41)");
                int likes;
                try (PreparedStatement select = connection.prepareStatement("select likes from post where id = ?")) {
                    select.setLong(1, 7);
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        likes = rows.getInt(1);
                    }
                }
                try (PreparedStatement update = connection.prepareStatement("update post set likes = ? where id = ?")) {
                    update.setInt(1, likes + 1);
                    update.setLong(2, 7);
                    update.executeUpdate();
                }
            }
        }
    }
}
