package io.ormrace.samples.jpa;

import io.ormrace.samples.testkit.TestDatabase;
import org.hibernate.SessionFactory;

/** The JPA sample application started once per database for the whole run. */
final class Ledger implements AutoCloseable {

    final SessionFactory sessionFactory;
    final SiteStatistics statistics;
    final AccountService accounts;
    final Clinic clinic;

    private Ledger(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
        this.statistics = new SiteStatistics(sessionFactory);
        this.accounts = new AccountService(sessionFactory);
        this.clinic = new Clinic(sessionFactory);
    }

    static Ledger on(TestDatabase db) {
        return db.shared(Ledger.class, database -> new Ledger(LedgerPersistence.start(database.dataSource())));
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
