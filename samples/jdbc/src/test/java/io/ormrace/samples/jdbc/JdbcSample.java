package io.ormrace.samples.jdbc;

import io.ormrace.samples.testkit.TestDatabase;

/** The JDBC sample application, migrated and started once per database for the whole run. */
final class JdbcSample {

    private JdbcSample() {
    }

    static Crawler on(TestDatabase db) {
        return db.shared(Crawler.class, database -> Crawler.start(database.dataSource()));
    }
}
