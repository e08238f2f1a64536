package io.ormrace.samples.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.samples.testkit.Breakpoint;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.Race;
import io.ormrace.samples.testkit.Sql;
import io.ormrace.samples.testkit.TestDatabase;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

class AccountServiceTest {

    private static final long OPENING_BALANCE = 100_00;
    private static final long WITHDRAWAL = 80_00;

    @EveryDatabase
    void twoWithdrawalsBothPassTheBalanceCheckAndOverdrawTheAccount(TestDatabase db) {
        AccountService accounts = Ledger.on(db).accounts;

        String account = withdrawTwiceWhileTheFirstHoldsItsRead(db, accounts, accounts::withdraw, true);

        assertThat(accounts.balance(account)).as("160.00 paid out of 100.00, one debit lost").isEqualTo(20_00);
    }

    @EveryDatabase
    void aLockTakenAfterTheReadDoesNotProtectTheRead(TestDatabase db) {
        AccountService accounts = Ledger.on(db).accounts;

        String account = withdrawTwiceWhileTheFirstHoldsItsRead(db, accounts, accounts::withdrawLockingAfterTheRead, true);

        assertThat(accounts.balance(account)).isEqualTo(20_00);
    }

    @EveryDatabase
    void mergingADetachedAccountWritesBackTheStaleBalance(TestDatabase db) {
        AccountService accounts = Ledger.on(db).accounts;

        String account = withdrawTwiceWhileTheFirstHoldsItsRead(db, accounts, accounts::withdrawDetached, true);

        assertThat(accounts.balance(account)).as("160.00 paid out of 100.00: merge kept the first one's stale balance")
                .isEqualTo(20_00);
    }

    @EveryDatabase
    void aLockedReadLetsOnlyOneWithdrawalThrough(TestDatabase db) {
        AccountService accounts = Ledger.on(db).accounts;
        String account = newAccount(accounts);

        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the locked read of the account", Sql.selectFrom("account"))) {
            Future<Boolean> first = race.start(() -> accounts.withdrawLocked(account, WITHDRAWAL));
            afterRead.awaitReached();
            Future<Boolean> second = race.start(() -> accounts.withdrawLocked(account, WITHDRAWAL));
            db.awaitLockWait();
            assertThat(second).as("the second withdrawal waits for the lock").isNotDone();
            afterRead.release();

            assertThat(Race.outcome(first)).isTrue();
            assertThat(Race.outcome(second)).as("the second withdrawal saw the debited balance").isFalse();
        }
        assertThat(accounts.balance(account)).isEqualTo(20_00);
    }

    /** The first withdrawal reads and is held; the second runs whole; then the first goes on with what it read. */
    private static String withdrawTwiceWhileTheFirstHoldsItsRead(TestDatabase db, AccountService accounts,
            BiFunction<String, Long, Boolean> withdraw, boolean expectBothGranted) {
        String account = newAccount(accounts);
        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the read of the account", Sql.selectFrom("account"))) {
            Future<Boolean> first = race.start(() -> withdraw.apply(account, WITHDRAWAL));
            afterRead.awaitReached();
            boolean second = Race.outcome(race.start(() -> withdraw.apply(account, WITHDRAWAL)));
            afterRead.release();

            assertThat(second).isTrue();
            assertThat(Race.outcome(first)).as("the first withdrawal checked a stale balance").isEqualTo(expectBothGranted);
        }
        return account;
    }

    private static String newAccount(AccountService accounts) {
        String number = "NL" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        accounts.open(number, OPENING_BALANCE);
        return number;
    }
}
