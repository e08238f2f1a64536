package io.ormrace.agent.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent keeps nothing of the application's alive: connections and result sets it leaks are still collected. */
class LeakTest {

    @Test
    void aSecondPutOfOneKeyReplacesTheValue() {
        WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
        Object key = new Object();

        map.put(key, "first");
        map.put(key, "second");

        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get(key)).isEqualTo("second");
    }

    @Test
    void aThousandLeakedConnectionsWithOpenResultSetsAreCollected() throws Exception {
        WeakIdentityMap<Object, ConnectionState> connections = new WeakIdentityMap<>();
        ThreadState thread = new ThreadState();
        List<WeakReference<Connection>> leaked = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Connection connection = DriverManager.getConnection("jdbc:h2:mem:leaks;DB_CLOSE_DELAY=-1", "sa", "");
            ConnectionState state = new ConnectionState(connection);
            connections.put(connection, state);
            Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("select 1");
            thread.open(rows, new ResultSetState(null, new Object[0], state, 0, false, null, rows));
            leaked.add(new WeakReference<>(connection)); // never closed: the application leaks it
        }

        for (int round = 0; round < 20 && leaked.stream().anyMatch(ref -> ref.get() != null); round++) {
            System.gc();
        }
        assertThat(leaked.stream().filter(ref -> ref.get() != null).count()).isZero();

        Object live = new Object();
        for (int round = 0; round < 50 && connections.size() != 1; round++) {
            System.gc();
            connections.put(live, new ConnectionState(live)); // a put drops the entries of collected keys once queued
        }
        assertThat(connections.size()).isEqualTo(1);
    }
}
