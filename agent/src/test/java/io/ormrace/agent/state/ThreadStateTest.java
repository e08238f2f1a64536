package io.ormrace.agent.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadStateTest {

    private static final String[] ID = {"id"};
    private final ThreadState thread = new ThreadState();
    private final ConnectionState connection = new ConnectionState(new Object());

    private RowRead read(String table, long id, int quantity) {
        Map<String, Object> values = new HashMap<>(Map.of("id", id, "quantity", quantity));
        RowRead row = new RowRead(table, values, Map.of(), false, connection, 0, null, "select ...");
        thread.remember(row);
        return row;
    }

    @Test
    void rowsReadBeforeTheFirstUpdateAreFoundByKeyNewestFirst() {
        RowRead older = read("item", 5, 10);
        read("item", 6, 20);
        RowRead newer = read("item", 5, 11);

        assertThat(thread.rows("item", ID, new Object[] {5L})).containsExactly(newer, older);
        // the application binds an int or a string where the driver handed back a long
        assertThat(thread.rows("item", ID, new Object[] {5})).containsExactly(newer, older);
        assertThat(thread.rows("item", ID, new Object[] {"5"})).containsExactly(newer, older);
        assertThat(thread.rows("item", ID, new Object[] {7L})).isEmpty();
        assertThat(thread.rows("other", ID, new Object[] {5L})).isEmpty();
    }

    @Test
    void rowsReadAfterTheIndexExistsAreFoundAndTheOldestAreForgotten() {
        RowRead first = read("item", 0, 1);
        assertThat(thread.rows("item", ID, new Object[] {0L})).containsExactly(first); // now indexed by id
        for (long id = 1; id < ThreadState.ROWS_PER_TABLE; id++) {
            read("item", id, 1);
        }
        assertThat(thread.rows("item", ID, new Object[] {0L})).containsExactly(first);

        RowRead next = read("item", 1000, 1);
        assertThat(thread.rows("item", ID, new Object[] {0L})).isEmpty();
        assertThat(thread.rows("item", ID, new Object[] {1000L})).containsExactly(next);
    }

    @Test
    void aForgottenRowIsNotFound() {
        RowRead row = read("item", 5, 10);
        assertThat(thread.rows("item", ID, new Object[] {5L})).containsExactly(row);
        assertThat(thread.isKey("item", "id")).isTrue();
        thread.forget(row);
        assertThat(thread.rows("item", ID, new Object[] {5L})).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedTablesAreForgottenFirst() {
        read("kept", 1, 1);
        for (int table = 0; table < ThreadState.TABLES; table++) {
            read("table" + table, 1, 1);
            assertThat(thread.rows("kept", ID, new Object[] {1L})).hasSize(1); // used: kept
        }
        assertThat(thread.rows("table0", ID, new Object[] {1L})).isEmpty(); // least recently used: gone
        assertThat(thread.rows("table" + (ThreadState.TABLES - 1), ID, new Object[] {1L})).hasSize(1);
    }

    @Test
    void rowsWithTwoKeyColumnsAreFoundByBoth() {
        Map<String, Object> values = new HashMap<>(Map.of("account", "a-1", "month", 3, "total", 10));
        RowRead row = new RowRead("statement", values, Map.of(), false, connection, 0, null, "select ...");
        thread.remember(row);
        String[] key = {"account", "month"};
        assertThat(thread.rows("statement", key, new Object[] {"a-1", 3L})).containsExactly(row);
        assertThat(thread.rows("statement", key, new Object[] {"a-1", 4L})).isEmpty();
        assertThat(thread.rows("statement", new String[] {"month"}, new Object[] {3})).containsExactly(row);
    }

    @Test
    void pastFourKeySetsEveryRowOfTheTableIsACandidateNewestFirst() {
        RowRead older = read("item", 1, 10);
        RowRead newer = read("item", 2, 20);
        for (String column : new String[] {"a", "b", "c", "d"}) {
            assertThat(thread.rows("item", new String[] {column}, new Object[] {1L})).isEmpty(); // indexed, not read
        }
        assertThat(thread.rows("item", new String[] {"e"}, new Object[] {1L})).containsExactly(newer, older);
        assertThat(thread.rows("item", ID, new Object[] {1L})).containsExactly(newer, older); // no fifth index
    }
}
