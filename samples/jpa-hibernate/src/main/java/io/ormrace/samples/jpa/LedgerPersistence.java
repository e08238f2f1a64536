package io.ormrace.samples.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/** Boots the "ledger" persistence unit on the application's pooled data source. */
public final class LedgerPersistence {

    private LedgerPersistence() {
    }

    public static SessionFactory start(DataSource dataSource) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("ledger",
                Map.of("jakarta.persistence.nonJtaDataSource", dataSource));
        return factory.unwrap(SessionFactory.class);
    }
}
