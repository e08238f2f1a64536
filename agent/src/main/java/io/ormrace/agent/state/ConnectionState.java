package io.ormrace.agent.state;

import java.sql.Connection;

/**
 * What the agent follows of one connection handle (for a pool, the handle the application holds): autocommit,
 * isolation, and a sequence number that changes at every transaction end, so that two reads can be told to belong
 * to the same transaction.
 */
public final class ConnectionState {

    /** Weakly: a connection the application leaks must still be collected. */
    private final java.lang.ref.WeakReference<Object> handle;
    // read on every statement, written at transaction boundaries: volatile reads, writes under the lock
    private volatile boolean autoCommit;
    private volatile int isolation;
    private volatile long transaction;
    /** Which database (URL and catalog) the connection is on, once a rule asked. */
    private volatile String database;

    public ConnectionState(Object handle) {
        this.handle = new java.lang.ref.WeakReference<>(handle);
        boolean initialAutoCommit = true;
        if (handle instanceof Connection connection) {
            try {
                initialAutoCommit = connection.getAutoCommit(); // the driver's own state, asked of no database
            } catch (Exception | LinkageError e) {
                // a closed or broken connection: JDBC's default until the application says otherwise
            }
        }
        this.autoCommit = initialAutoCommit;
        // not getTransactionIsolation(): a round trip per pool checkout with pgjdbc; known once the application sets it
        this.isolation = -1;
    }

    /** The application's connection, or null once it was collected. */
    public Object handle() {
        return handle.get();
    }

    public boolean autoCommit() {
        return autoCommit;
    }

    public synchronized void autoCommit(boolean value) {
        if (value != autoCommit) {
            transaction++;
        }
        autoCommit = value;
    }

    public int isolation() {
        return isolation;
    }

    public synchronized void isolation(int level) {
        isolation = level;
    }

    public String database() {
        return database;
    }

    public void database(String value) {
        database = value;
    }

    public long transaction() {
        return transaction;
    }

    /** A commit or rollback, or one statement run in autocommit mode. */
    public synchronized void transactionEnded() {
        transaction++;
    }
}
