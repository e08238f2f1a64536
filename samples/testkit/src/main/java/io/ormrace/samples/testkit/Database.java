package io.ormrace.samples.testkit;

/**
 * The databases the samples' proofs run on. H2 is embedded and always there; PostgreSQL and MariaDB are the local
 * servers (host and port can be moved with {@code -Dormrace.postgresql.address=host:port} and
 * {@code -Dormrace.mariadb.address=host:port}).
 */
public enum Database {
    // Embedded H2 reports no blocker for a wait on a uniqueness conflict; TestDatabase looks at the waiting thread.
    H2("H2", null, "sa", "", null),
    POSTGRESQL("PostgreSQL", "127.0.0.1:5432", "postgres", "",
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"),
    MARIADB("MariaDB", "127.0.0.1:3306", "root", "",
            // innodb_trx misses a transaction blocked during the optimizer's primary-key lookup; this counter does not
            "select variable_value from information_schema.global_status"
                    + " where variable_name = 'INNODB_ROW_LOCK_CURRENT_WAITS'");

    private final String displayName;
    private final String defaultAddress;
    private final String user;
    private final String password;
    private final String lockWaitQuery;

    Database(String displayName, String defaultAddress, String user, String password, String lockWaitQuery) {
        this.displayName = displayName;
        this.defaultAddress = defaultAddress;
        this.user = user;
        this.password = password;
        this.lockWaitQuery = lockWaitQuery;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isServer() {
        return defaultAddress != null;
    }

    public String address() {
        return System.getProperty("ormrace." + name().toLowerCase() + ".address", defaultAddress);
    }

    /** Where the samples' own database lives once created. */
    public String jdbcUrl(String databaseName) {
        return jdbcUrl(databaseName, "");
    }

    /** {@code h2Settings}: extra H2 settings such as {@code ;MODE=PostgreSQL}, ignored by the servers. */
    public String jdbcUrl(String databaseName, String h2Settings) {
        return switch (this) {
            // LOCK_TIMEOUT: H2's default of one second is shorter than a lock-holding test step.
            case H2 -> "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000" + h2Settings;
            case POSTGRESQL -> "jdbc:postgresql://" + address() + "/" + databaseName;
            case MARIADB -> "jdbc:mariadb://" + address() + "/" + databaseName;
        };
    }

    /** The server's own database, to create and drop the samples' one from. */
    String administrationUrl() {
        return switch (this) {
            case H2 -> throw new IllegalStateException("H2 is embedded, there is nothing to administer");
            case POSTGRESQL -> "jdbc:postgresql://" + address() + "/test?connectTimeout=3";
            case MARIADB -> "jdbc:mariadb://" + address() + "/?connectTimeout=3000";
        };
    }

    String createDatabase(String name) {
        return "create database " + name;
    }

    String dropDatabase(String name) {
        return switch (this) {
            case H2 -> throw new IllegalStateException("H2 in-memory databases are dropped by SHUTDOWN");
            case POSTGRESQL -> "drop database if exists " + name + " with (force)";
            case MARIADB -> "drop database if exists " + name;
        };
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** What every session is doing, for the message of a failed wait. */
    String activityQuery() {
        return switch (this) {
            case H2 -> "select session_id, session_state, blocker_id, executing_statement from information_schema.sessions";
            case POSTGRESQL -> "select pid, state, wait_event_type, query from pg_stat_activity where datname = current_database()";
            case MARIADB -> "select p.id, p.command, p.state, p.info, t.trx_state from information_schema.processlist p"
                    + " left join information_schema.innodb_trx t on t.trx_mysql_thread_id = p.id";
        };
    }

    /** Counts sessions that are waiting for a lock another session holds (servers only). */
    String lockWaitQuery() {
        return lockWaitQuery;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
