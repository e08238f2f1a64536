package io.ormrace.agent.state;

import io.ormrace.agent.sql.ColumnRef;
import io.ormrace.agent.sql.SqlShape;
import java.util.HashMap;
import java.util.Map;

/** A result set being read: which statement produced it, the row being read, and how many rows came back. */
public final class ResultSetState {

    public final SqlShape.Select shape;
    public final Object[] binds;
    public final ConnectionState connection;
    public final long transaction;
    public final boolean locked;
    public final CallSite site;
    public final Object resultSet;
    public int rows;
    public boolean finished;
    public Map<ColumnRef, Object> current;
    public String[] metadataNames;
    /** For {@code in (...)} lookups: the values that did come back, per column. */
    public final Map<ColumnRef, java.util.Set<Object>> returned = new HashMap<>();

    public ResultSetState(SqlShape.Select shape, Object[] binds, ConnectionState connection, long transaction,
            boolean locked, CallSite site, Object resultSet) {
        this.shape = shape;
        this.binds = binds;
        this.connection = connection;
        this.transaction = transaction;
        this.locked = locked;
        this.site = site;
        this.resultSet = resultSet;
    }
}
