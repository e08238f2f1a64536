package io.ormrace.samples.jdbc;

import java.time.YearMonth;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges accumulate on one statement per account and month, created by the month's first charge and then
 * locked while its total is updated.
 */
public class MonthlyStatements {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;

    public MonthlyStatements(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Looks the statement up, creates it when missing, then locks it: two first charges of a month both find
     * nothing, and the second insert fails on the unique constraint.
     */
    public void charge(String account, YearMonth month, long cents) {
        transactions.executeWithoutResult(status -> {
            List<Long> existing = jdbc.queryForList(
                    "select total_cents from monthly_statement where account = ? and statement_year = ? and statement_month = ?",
                    Long.class, account, month.getYear(), month.getMonthValue());
            if (existing.isEmpty()) {
                jdbc.update("insert into monthly_statement (account, statement_year, statement_month, total_cents) values (?, ?, ?, 0)", // ormrace: unhandled-unique-violation
                        account, month.getYear(), month.getMonthValue());
            }
            addUnderLock(account, month, cents);
        });
    }

    /**
     * Creates the statement under a savepoint and ignores a duplicate, then locks whichever row exists: the lock
     * read sees the other transaction's row once it commits.
     */
    public void chargeCreatingUnderSavepoint(String account, YearMonth month, long cents) {
        transactions.executeWithoutResult(status -> {
            try {
                savepoints.executeWithoutResult(nested -> jdbc.update(
                        "insert into monthly_statement (account, statement_year, statement_month, total_cents) values (?, ?, ?, 0)",
                        account, month.getYear(), month.getMonthValue()));
            } catch (DuplicateKeyException alreadyCreated) {
                // the statement exists: charge it
            }
            addUnderLock(account, month, cents);
        });
    }

    private void addUnderLock(String account, YearMonth month, long cents) {
        long total = jdbc.queryForObject(
                "select total_cents from monthly_statement where account = ? and statement_year = ? and statement_month = ? for update",
                Long.class, account, month.getYear(), month.getMonthValue());
        jdbc.update("update monthly_statement set total_cents = ? where account = ? and statement_year = ? and statement_month = ?",
                total + cents, account, month.getYear(), month.getMonthValue());
    }

    public long total(String account, YearMonth month) {
        return jdbc.queryForObject(
                "select total_cents from monthly_statement where account = ? and statement_year = ? and statement_month = ?",
                Long.class, account, month.getYear(), month.getMonthValue());
    }

    public long statements(String account, YearMonth month) {
        return jdbc.queryForObject(
                "select count(*) from monthly_statement where account = ? and statement_year = ? and statement_month = ?",
                Long.class, account, month.getYear(), month.getMonthValue());
    }
}
