package io.ormrace.samples.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TestKitTest {

    @EveryDatabase
    void aBreakpointHoldsTheFirstReaderBetweenItsReadAndWhatFollows(TestDatabase db) throws Exception {
        db.execute("create table if not exists kit_note (id int primary key, body varchar(20))");
        db.execute("delete from kit_note");
        db.execute("insert into kit_note values (1, 'first')");

        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the read of kit_note", Sql.selectFrom("kit_note"))) {
            Future<String> held = race.start(() -> readThenMark(db));
            afterRead.awaitReached();
            Future<String> passing = race.start(() -> readThenMark(db));

            assertThat(Race.outcome(passing)).as("a second reader passes the breakpoint").isEqualTo("first");
            assertThat(held.isDone()).as("the first reader is still held").isFalse();
            afterRead.release();
            assertThat(Race.outcome(held)).isEqualTo("first!");
        }
    }

    @EveryDatabase
    void lockWaitsAreSeenOnTheServer(TestDatabase db) throws Exception {
        db.execute("create table if not exists kit_lock (id int primary key, n int)");
        db.execute("delete from kit_lock");
        db.execute("insert into kit_lock values (1, 0)");

        try (Race race = new Race(); Breakpoint locked = db.pauseAfter("the locking read", Sql.selectForUpdateFrom("kit_lock"))) {
            Future<Void> holder = race.start(() -> lockAndBump(db));
            locked.awaitReached();
            Future<Void> waiter = race.start(() -> lockAndBump(db));

            db.awaitLockWait();
            assertThat(waiter.isDone()).isFalse();
            locked.release();
            Race.outcome(holder);
            Race.outcome(waiter);
        }
        assertThat(db.queryForLong("select n from kit_lock where id = 1")).isEqualTo(2);
    }

    @Test
    void matchersRecogniseTheStatementsOrmsWrite() {
        assertThat(Sql.selectFrom("post")).accepts("select p1_0.id,p1_0.likes from post p1_0 where p1_0.id=?")
                .rejects("select * from post_tag", "update post set likes=? where id=?");
        assertThat(Sql.selectForUpdateFrom("post")).accepts("select id from post where id=? for update")
                .rejects("select id from post where id=?");
        assertThat(Sql.insertInto("tag")).accepts("insert into tag (name,id) values (?,?)", "INSERT IGNORE INTO tag(name) VALUES (?)")
                .rejects("insert into tags values (?)");
        assertThat(Sql.update("product")).accepts("update product set stock=? where id=?").rejects("update products set x=1");
    }

    private static String readThenMark(TestDatabase db) throws Exception {
        try (Connection connection = db.dataSource().getConnection()) {
            String body;
            try (PreparedStatement select = connection.prepareStatement("select body from kit_note where id = 1");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                body = rows.getString(1);
            }
            return Thread.currentThread().getName().equals("race-1") ? body + "!" : body;
        }
    }

    private static void lockAndBump(TestDatabase db) throws Exception {
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            int n;
            try (PreparedStatement select = connection.prepareStatement("select n from kit_lock where id = 1 for update");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                n = rows.getInt(1);
            }
            try (PreparedStatement update = connection.prepareStatement("update kit_lock set n = ? where id = 1")) {
                update.setInt(1, n + 1);
                update.executeUpdate();
            }
            connection.commit();
        }
    }
}
