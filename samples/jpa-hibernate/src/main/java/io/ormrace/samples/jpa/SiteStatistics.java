package io.ormrace.samples.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.util.function.Function;

/** Page views and file downloads, counted with a plain JPA {@link EntityManager}. */
public class SiteStatistics {

    static final int MAX_ATTEMPTS = 5;

    private final EntityManagerFactory entityManagerFactory;

    public SiteStatistics(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    public void openPage(String page) {
        inTransaction(em -> {
            em.persist(new PageCounter(page));
            return null;
        });
    }

    public void publishFile(String fileId) {
        inTransaction(em -> {
            em.persist(new DownloadCounter(fileId));
            return null;
        });
    }

    /** Read, increment in Java, write back at commit: two concurrent views can count as one. */
    public long recordView(String page) {
        return inTransaction(em -> {
            PageCounter counter = em.find(PageCounter.class, page); // ormrace-runtime: lost-update
            counter.setHits(counter.getHits() + 1); // ormrace: lost-update
            return counter.getHits();
        });
    }

    /** The row stays locked from the read to the commit, so a concurrent view waits and then counts on top. */
    public long recordViewLocked(String page) {
        return inTransaction(em -> {
            PageCounter counter = em.find(PageCounter.class, page, LockModeType.PESSIMISTIC_WRITE);
            counter.setHits(counter.getHits() + 1);
            return counter.getHits();
        });
    }

    /** The database increments: nothing is read, so nothing can be stale. */
    public void recordViewAtomically(String page) {
        inTransaction(em -> em.createQuery("update PageCounter c set c.hits = c.hits + 1 where c.page = :page")
                .setParameter("page", page)
                .executeUpdate());
    }

    public long views(String page) {
        return inTransaction(em -> em.find(PageCounter.class, page).getHits());
    }

    /**
     * Meant to read the count while holding the row still, but there is no transaction to hold the lock in:
     * JPA refuses with {@link jakarta.persistence.TransactionRequiredException}.
     */
    public long viewsHoldingTheRow(String page) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            return em.find(PageCounter.class, page, LockModeType.PESSIMISTIC_WRITE).getHits(); // ormrace: lock-outside-transaction
        } finally {
            em.close();
        }
    }

    /**
     * Versioned read-increment-write: a concurrent download makes the commit fail the version check, and the
     * whole read-increment-write is tried again on fresh state.
     */
    public long recordDownload(String fileId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(em -> {
                    DownloadCounter counter = em.find(DownloadCounter.class, fileId);
                    counter.setDownloads(counter.getDownloads() + 1);
                    return counter.getDownloads();
                });
            } catch (OptimisticLockException | RollbackException e) {
                if (attempt == MAX_ATTEMPTS || !isVersionConflict(e)) {
                    throw e;
                }
            }
        }
    }

    public long downloads(String fileId) {
        return inTransaction(em -> em.find(DownloadCounter.class, fileId).getDownloads());
    }

    private static boolean isVersionConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
