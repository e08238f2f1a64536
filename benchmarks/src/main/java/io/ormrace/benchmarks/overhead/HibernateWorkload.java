package io.ormrace.benchmarks.overhead;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM 6 on H2 in memory: each transaction finds an item (half of them with {@code PESSIMISTIC_WRITE}),
 * changes it (dirty checking writes the update), persists an event, and every tenth one runs a JPQL query.
 */
final class HibernateWorkload implements Workload {

    private static final int TRANSACTIONS = 10_000;
    private static final int ITEMS = 1000;

    private SessionFactory sessions;

    @Override
    public void prepare(DataSource dataSource) {
        Configuration configuration = new Configuration().addAnnotatedClass(Item.class).addAnnotatedClass(Event.class);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "create");
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        sessions = configuration.buildSessionFactory();
        sessions.inTransaction(session -> {
            for (long id = 0; id < ITEMS; id++) {
                session.persist(new Item(id, "item-" + id, 100));
            }
        });
    }

    @Override
    public long run(DataSource dataSource) {
        for (int i = 0; i < TRANSACTIONS; i++) {
            long id = i % ITEMS;
            boolean locked = i % 2 == 0;
            boolean query = i % 10 == 0;
            try (Session session = sessions.openSession()) {
                session.getTransaction().begin();
                Item item = locked ? session.find(Item.class, id, LockModeType.PESSIMISTIC_WRITE)
                        : session.find(Item.class, id);
                item.quantity = item.quantity - 1;
                session.persist(new Event(id, -1));
                if (query) {
                    List<Item> low = session.createSelectionQuery("from Item where quantity < :limit", Item.class)
                            .setParameter("limit", 0).setMaxResults(5).getResultList();
                    low.size();
                }
                session.getTransaction().commit();
            }
        }
        // select, update, insert per transaction; a query every tenth
        return TRANSACTIONS * 3L + TRANSACTIONS / 10;
    }

    @Entity(name = "Item")
    @Table(name = "item")
    static class Item {
        @Id
        Long id;
        String name;
        int quantity;

        Item() {
        }

        Item(Long id, String name, int quantity) {
            this.id = id;
            this.name = name;
            this.quantity = quantity;
        }
    }

    @Entity(name = "Event")
    @Table(name = "event")
    static class Event {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        long item;
        int delta;

        Event() {
        }

        Event(long item, int delta) {
            this.item = item;
            this.delta = delta;
        }
    }
}
