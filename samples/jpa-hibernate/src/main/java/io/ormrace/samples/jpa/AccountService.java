package io.ormrace.samples.jpa;

import jakarta.persistence.LockModeType;
import org.hibernate.LockMode;
import org.hibernate.SessionFactory;

/** Withdrawals from accounts, with Hibernate's native {@link org.hibernate.Session}. */
public class AccountService {

    private final SessionFactory sessionFactory;

    public AccountService(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public void open(String number, long balanceCents) {
        sessionFactory.inTransaction(session -> session.persist(new Account(number, balanceCents)));
    }

    /** Checks the balance it read and debits it: two concurrent withdrawals both pass the check. */
    public boolean withdraw(String number, long amountCents) {
        return sessionFactory.fromTransaction(session -> {
            Account account = session.get(Account.class, number); // ormrace-runtime: lost-update
            if (account.getBalanceCents() < amountCents) {
                return false;
            }
            account.setBalanceCents(account.getBalanceCents() - amountCents); // ormrace: lost-update
            return true;
        });
    }

    /**
     * Takes the lock, but only after reading the balance: the lock does not refresh the state, so the check still
     * runs on what was read before the lock, possibly stale.
     */
    public boolean withdrawLockingAfterTheRead(String number, long amountCents) {
        return sessionFactory.fromTransaction(session -> {
            Account account = session.get(Account.class, number); // ormrace-runtime: lost-update
            session.lock(account, LockMode.PESSIMISTIC_WRITE);
            if (account.getBalanceCents() < amountCents) {
                return false;
            }
            account.setBalanceCents(account.getBalanceCents() - amountCents); // ormrace: lost-update
            return true;
        });
    }

    /** Reads the balance under a row lock: a concurrent withdrawal waits, then checks the debited balance. */
    public boolean withdrawLocked(String number, long amountCents) {
        return sessionFactory.fromTransaction(session -> {
            Account account = session.find(Account.class, number, LockModeType.PESSIMISTIC_WRITE);
            if (account.getBalanceCents() < amountCents) {
                return false;
            }
            account.setBalanceCents(account.getBalanceCents() - amountCents);
            return true;
        });
    }

    /**
     * Reads the account in one transaction and writes it back with {@code merge} in another: merge reads the row again,
     * but copies the stale balance over whatever another withdrawal wrote in between.
     */
    public boolean withdrawDetached(String number, long amountCents) {
        Account account = sessionFactory.fromTransaction(session -> session.get(Account.class, number)); // ormrace-runtime: lost-update
        if (account.getBalanceCents() < amountCents) {
            return false;
        }
        account.setBalanceCents(account.getBalanceCents() - amountCents);
        sessionFactory.inTransaction(session -> session.merge(account)); // ormrace: lost-update
        return true;
    }

    public long balance(String number) {
        return sessionFactory.fromTransaction(session -> session.get(Account.class, number).getBalanceCents());
    }
}
