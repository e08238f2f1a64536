package io.ormrace.scenarios;

import java.sql.SQLException;

/** Helpers of a service, named like none of the data access conventions, over a DAO: the race is their caller's. */
final class Ledger {

    private final AccountDao accounts;

    Ledger(AccountDao accounts) {
        this.accounts = accounts;
    }

    int balanceOf(long id) throws SQLException {
        return accounts.balance(id);
    }

    void record(long id, int balance) throws SQLException {
        accounts.setBalance(id, balance);
    }
}
