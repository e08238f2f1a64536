package io.ormrace.samples.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the JDBC application on a data source, after migrating its schema with Flyway. */
public final class Crawler {

    public final DomainRegistry domains;
    public final SubscriberDirectory subscribers;
    public final MonthlyStatements statements;
    public final StockRoom stockRoom;

    private Crawler(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        this.domains = new DomainRegistry(jdbc, new TransactionTemplate(transactionManager), SqlDialect.of(dataSource));
        this.subscribers = new SubscriberDirectory(dataSource);
        this.statements = new MonthlyStatements(jdbc, transactionManager);
        this.stockRoom = new StockRoom(dataSource);
    }

    public static Crawler start(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new Crawler(dataSource);
    }
}
