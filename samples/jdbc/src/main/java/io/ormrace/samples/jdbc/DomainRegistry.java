package io.ormrace.samples.jdbc;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores the domains a crawler worker found (several workers crawl at once). */
public class DomainRegistry {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SqlDialect dialect;

    public DomainRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dialect = dialect;
    }

    /**
     * Loads every known domain, keeps the new ones in memory and inserts them: a worker that registers the same
     * domain in between makes this batch fail on the unique constraint.
     */
    public int registerAll(Collection<String> found, String worker) {
        return transactions.execute(status -> {
            Set<String> known = new HashSet<>(jdbc.queryForList("select name from crawled_domain", String.class));
            List<Object[]> fresh = found.stream()
                    .map(String::toLowerCase)
                    .distinct()
                    .filter(name -> !known.contains(name))
                    .map(name -> new Object[] {name, worker})
                    .toList();
            jdbc.batchUpdate("insert into crawled_domain (name, found_by) values (?, ?)", fresh); // ormrace: unhandled-unique-violation
            return fresh.size();
        });
    }

    /** Lets the database skip what already exists: nothing to diff, nothing to collide with. */
    public void registerAllIfAbsent(Collection<String> found, String worker) {
        List<Object[]> rows = found.stream()
                .map(String::toLowerCase)
                .distinct()
                .sorted() // one order for every worker, so that two batches cannot deadlock
                .map(name -> new Object[] {name, worker})
                .toList();
        transactions.executeWithoutResult(status -> jdbc.batchUpdate(dialect.insertDomainIfAbsent(), rows));
    }

    public long count(String name) {
        return jdbc.queryForObject("select count(*) from crawled_domain where name = ?", Long.class, name.toLowerCase());
    }
}
