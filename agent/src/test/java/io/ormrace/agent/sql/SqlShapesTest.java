package io.ormrace.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlShapesTest {

    @Test
    void hibernatesSelectMapsEachPositionToItsTableAndColumnAndKeepsTheKeyPredicate() {
        SqlShape.Select select = (SqlShape.Select) SqlShapes.parse(
                "select p1_0.id,p1_0.name,p1_0.stock from product p1_0 where p1_0.id=?");
        assertThat(select.items()).containsExactly(new ColumnRef("product", "id"), new ColumnRef("product", "name"),
                new ColumnRef("product", "stock"));
        assertThat(select.where()).containsExactly(new SqlShape.Eq(new ColumnRef("product", "id"), new Operand.Param(1)));
        assertThat(select.locking()).isFalse();
    }

    @Test
    void everyLockingClauseOfTheThreeDatabasesIsALock() {
        for (String sql : List.of("select id from t where id=? for update", "select id from t where id=? for no key update",
                "select id from t where id=? for share", "select id from t where id=? lock in share mode")) {
            SqlShape shape = SqlShapes.parse(sql);
            assertThat(shape).as(sql).isInstanceOfSatisfying(SqlShape.Select.class, s -> assertThat(s.locking()).isTrue());
        }
    }

    @Test
    void anAllColumnsUpdateWithAVersionCheckIsACompareAndSet() {
        SqlShape.Update update = (SqlShape.Update) SqlShapes.parse(
                "update account set balance=?,owner=?,version=? where id=? and version=?");
        assertThat(update.sets()).isEqualTo(Map.of("balance", new Operand.Param(1), "owner", new Operand.Param(2),
                "version", new Operand.Param(3)));
        assertThat(update.where()).extracting(eq -> eq.column().column()).containsExactly("id", "version");
        assertThat(update.where()).extracting(SqlShape.Eq::value).containsExactly(new Operand.Param(4), new Operand.Param(5));
    }

    @Test
    void anAtomicIncrementIsComputedByTheDatabase() {
        SqlShape.Update update = (SqlShape.Update) SqlShapes.parse("update page_counter set hits = hits + 1 where page = ?");
        assertThat(update.sets().get("hits")).isInstanceOf(Operand.Computed.class);
        assertThat(update.otherPredicate()).isFalse();
    }

    @Test
    void insertsSingleAndMultiRowAndUpserts() {
        SqlShape.Insert single = (SqlShape.Insert) SqlShapes.parse("insert into tag (name,id) values (?,?)");
        assertThat(single.columns()).containsExactly("name", "id");
        assertThat(single.rows()).containsExactly(List.of(new Operand.Param(1), new Operand.Param(2)));
        assertThat(single.upsert()).isFalse();

        SqlShape.Insert multi = (SqlShape.Insert) SqlShapes.parse("insert into tag (name) values ('a'), ('b')");
        assertThat(multi.rows()).containsExactly(List.of(new Operand.Literal("a")), List.of(new Operand.Literal("b")));

        assertThat(((SqlShape.Insert) SqlShapes.parse(
                "insert into tag (name) values (?) on conflict (name) do nothing")).upsert()).isTrue();
        assertThat(((SqlShape.Insert) SqlShapes.parse("insert ignore into tag (name) values (?)")).upsert()).isTrue();
    }

    @Test
    void columnsNamedLikeKeywordsStillParse() {
        SqlShape.Select select = (SqlShape.Select) SqlShapes.parse("select number, balance from account where number=? for update");
        assertThat(select.items()).containsExactly(new ColumnRef("account", "number"), new ColumnRef("account", "balance"));
        assertThat(select.locking()).isTrue();
        SqlShape.Update update = (SqlShape.Update) SqlShapes.parse("update account set balance_cents=? where number=?");
        assertThat(update.where()).extracting(eq -> eq.column().column()).containsExactly("number");
    }

    @Test
    void transactionControlAndGarbageAreToldApart() {
        assertThat(SqlShapes.parse("COMMIT")).isInstanceOf(SqlShape.TransactionControl.class);
        assertThat(SqlShapes.parse("rollback to savepoint s1")).isNotInstanceOf(SqlShape.TransactionControl.class);
        assertThat(SqlShapes.parse("this is not sql at all ((")).isInstanceOf(SqlShape.Unparsed.class);
    }

    @Test
    void unparseableTextsAreCountedOnceEach() {
        SqlShapes shapes = new SqlShapes();
        shapes.shape("garbage ((");
        shapes.shape("garbage ((");
        shapes.shape("more garbage ((");
        assertThat(shapes.unparsedCount()).isEqualTo(2);
    }
}
