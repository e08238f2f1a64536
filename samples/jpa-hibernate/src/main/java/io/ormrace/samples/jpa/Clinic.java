package io.ormrace.samples.jpa;

import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * Adds visits to pets. Loading the visits of a pet that has none, then inserting one, is no get-or-create: a pet
 * has many visits, and a second concurrent visit is a second visit, not a duplicate.
 */
public class Clinic {

    private final SessionFactory sessionFactory;

    public Clinic(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public String register() {
        String id = UUID.randomUUID().toString();
        sessionFactory.inTransaction(session -> session.persist(new Pet(id)));
        return id;
    }

    public int addVisit(String petId, String reason) {
        return sessionFactory.fromTransaction(session -> {
            Pet pet = session.get(Pet.class, petId);
            int before = pet.getVisits().size();
            Visit visit = new Visit(UUID.randomUUID().toString(), pet, reason);
            pet.getVisits().add(visit);
            session.persist(visit);
            return before + 1;
        });
    }
}
