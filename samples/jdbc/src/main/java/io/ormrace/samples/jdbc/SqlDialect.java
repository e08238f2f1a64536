package io.ormrace.samples.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The few statements that differ between the databases the application supports. */
public enum SqlDialect {
    // H2 in PostgreSQL mode. H2's own MERGE ... WHEN NOT MATCHED is not an upsert under concurrency: it waits for
    // the other insert, then fails on the duplicate.
    H2("insert into crawled_domain (name, found_by) values (?, ?) on conflict do nothing"),
    POSTGRESQL("insert into crawled_domain (name, found_by) values (?, ?) on conflict (name) do nothing"),
    MARIADB("insert ignore into crawled_domain (name, found_by) values (?, ?)");

    private final String insertDomainIfAbsent;

    SqlDialect(String insertDomainIfAbsent) {
        this.insertDomainIfAbsent = insertDomainIfAbsent;
    }

    public String insertDomainIfAbsent() {
        return insertDomainIfAbsent;
    }

    public static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "H2" -> H2;
                case "PostgreSQL" -> POSTGRESQL;
                case "MariaDB", "MySQL" -> MARIADB;
                default -> throw new IllegalStateException("unsupported database: " + product);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }
}
