package io.ormrace.samples.testkit;

/**
 * The databases the samples' proofs run on. H2 is embedded and always there; PostgreSQL and MariaDB are the local
 * servers (host and port can be moved with {@code -Dormrace.postgresql.address=host:port} and
 * {@code -Dormrace.mariadb.address=host:port}).
 */
public enum Database {
    H2("H2", null, "sa", "",
            "select count(*) from information_schema.sessions where blocker_id is not null"),
    POSTGRESQL("PostgreSQL", "127.0.0.1:5432", "postgres", "",
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"),
    MARIADB("MariaDB", "127.0.0.1:3306", "root", "",
            "select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'");

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
        return switch (this) {
            // LOCK_TIMEOUT: H2's default of one second is shorter than a lock-holding test step.
            case H2 -> "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000";
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

    /** Counts sessions that are waiting for a row lock another session holds. */
    String lockWaitQuery() {
        return lockWaitQuery;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
