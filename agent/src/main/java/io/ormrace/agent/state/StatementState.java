package io.ormrace.agent.state;

import io.ormrace.agent.sql.SqlShape;
import io.ormrace.agent.sql.SqlShapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A statement's connection, its SQL text as the application handed it over, its bound values and its batch. */
public final class StatementState {

    /** No values bound: a plain statement's, shared. */
    public static final Object[] NO_BINDS = new Object[0];

    public final ConnectionState connection;
    public final String sql;
    private SqlShape shape;
    private Object[] binds = NO_BINDS;
    private final List<Object[]> batch = new ArrayList<>();
    private final List<String> batchTexts = new ArrayList<>();

    public StatementState(ConnectionState connection, String sql) {
        this.connection = connection;
        this.sql = sql;
    }

    /** The shape of the statement's own text (a prepared statement's), looked up once. */
    public SqlShape shape(SqlShapes shapes) {
        SqlShape known = shape;
        if (known == null) {
            known = shapes.shape(sql);
            shape = known;
        }
        return known;
    }

    /*
     * Binding and running a statement happen on one thread (JDBC statements are not shared while in use), so the
     * binds are not locked: a statement misused from two threads at once can only mix its values, never throw.
     */
    public void bind(int index, Object value) {
        if (index < 1 || index > 10_000) {
            return;
        }
        Object[] current = binds;
        if (index > current.length) {
            current = Arrays.copyOf(current, Math.max(index, current.length * 2));
            binds = current;
        }
        current[index - 1] = value;
    }

    public Object[] binds() {
        Object[] current = binds;
        return current.length == 0 ? current : current.clone();
    }

    public void clearBinds() {
        binds = NO_BINDS;
    }

    public synchronized void addBatch(String text) {
        if (text != null) {
            batchTexts.add(text);
        } else if (batch.size() < 100_000) {
            batch.add(binds());
        }
    }

    /** The batch as it was sent, then emptied, as JDBC empties it. */
    public synchronized List<Object[]> takeBatch() {
        List<Object[]> taken = new ArrayList<>(batch);
        batch.clear();
        return taken;
    }

    public synchronized List<String> takeBatchTexts() {
        List<String> taken = new ArrayList<>(batchTexts);
        batchTexts.clear();
        return taken;
    }
}
