package io.ormrace.analyzer.fixes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.analyzer.Analyzer;
import io.ormrace.core.Finding;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code in a fix is code a user will paste: the JPQL the analyzer offers runs through Hibernate on H2, the SQL
 * through JDBC, and each keeps the invariant of the code it replaces (a guarded decrement refuses to overdraw).
 */
class FixTextTest {

    private static final Pattern QUERY = Pattern.compile("@Query\\(\"([^\"]+)\"\\)");
    private static EntityManagerFactory factory;

    @BeforeAll
    static void hibernate() {
        factory = new Configuration().addAnnotatedClass(FixWallet.class)
                .setProperty(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:h2:mem:fixes;DB_CLOSE_DELAY=-1")
                .setProperty(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create")
                .buildSessionFactory();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void theGuardedDecrementRunsAndRefusesToOverdraw(@TempDir Path dir) throws Exception {
        String jpql = jpqlOf(analyze(dir, """
                    @Transactional
                    public void withdraw(Long id, long amount) {
                        FixWallet wallet = wallets.findById(id).orElseThrow();
                        if (wallet.getBalance() < amount) {
                            throw new IllegalStateException("not enough");
                        }
                        wallet.setBalance(wallet.getBalance() - amount);
                        wallets.save(wallet);
                    }
                """));
        assertThat(jpql).isEqualTo("update FixWallet f set f.balance = f.balance + :delta where f.id = :id and f.balance >= :amount");

        reset(new FixWallet(1L, 10, "", "PENDING"));
        assertThat(run(jpql, Map.of("delta", -7L, "id", 1L, "amount", 7L))).isEqualTo(1);
        assertThat(run(jpql, Map.of("delta", -7L, "id", 1L, "amount", 7L))).as("3 left, 7 asked").isZero();
        assertThat(balance(1L)).isEqualTo(3);
    }

    @Test
    void theCheckThenSetBecomesOneStatementOnlyOneCallerWins(@TempDir Path dir) throws Exception {
        String jpql = jpqlOf(analyze(dir, """
                    @Transactional
                    public void settle(Long id) {
                        FixWallet wallet = wallets.findById(id).orElseThrow();
                        if (wallet.getStatus().equals("PENDING")) {
                            wallet.setStatus("PAID");
                            wallets.save(wallet);
                            payments.charge(id);
                        }
                    }
                """));
        assertThat(jpql).isEqualTo("update FixWallet f set f.status = :next where f.id = :id and f.status = :expected");

        reset(new FixWallet(2L, 0, "", "PENDING"));
        Map<String, Object> parameters = Map.of("next", "PAID", "id", 2L, "expected", "PENDING");
        assertThat(run(jpql, parameters)).as("the first caller").isEqualTo(1);
        assertThat(run(jpql, parameters)).as("the second caller").isZero();
    }

    @Test
    void theCompareAndSetOfATextColumnRuns(@TempDir Path dir) throws Exception {
        String jpql = jpqlOf(analyze(dir, """
                    @Transactional
                    public void note(Long id, String note) {
                        FixWallet wallet = wallets.findById(id).orElseThrow();
                        wallet.setNotes(wallet.getNotes() + note);
                        wallets.save(wallet);
                    }
                """));
        assertThat(jpql).isEqualTo("update FixWallet f set f.notes = :next where f.id = :id and f.notes = :expected");

        reset(new FixWallet(3L, 0, "a", "OPEN"));
        assertThat(run(jpql, Map.of("next", "ab", "id", 3L, "expected", "a"))).isEqualTo(1);
        assertThat(run(jpql, Map.of("next", "ac", "id", 3L, "expected", "a"))).as("stale expected value").isZero();
    }

    @Test
    void theJdbcFixRunsWithItsGuard(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Stock.java"), """
                package fx;
                import org.springframework.jdbc.core.JdbcTemplate;
                public class Stock {
                    private JdbcTemplate jdbc;
                    public void take(String sku, int n) {
                        int quantity = jdbc.queryForObject("select quantity from stock_item where sku = ?", Integer.class, sku);
                        if (quantity < n) {
                            throw new IllegalStateException("sold out");
                        }
                        jdbc.update("update stock_item set quantity = ? where sku = ?", quantity - n, sku);
                    }
                }
                """);
        List<Finding> findings = new Analyzer(dir).analyze(List.of(dir)).findings();
        assertThat(findings).hasSize(1);
        String sql = findings.get(0).firstFix().orElseThrow().code();
        assertThat(sql).isEqualTo("update stock_item set quantity = quantity + ? where sku = ? and quantity >= ?  -- 0 rows: the check failed");

        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:stock;DB_CLOSE_DELAY=-1")) {
            connection.createStatement().execute("create table stock_item (sku varchar(20) primary key, quantity int)");
            connection.createStatement().execute("insert into stock_item values ('A', 5)");
            String runnable = sql.replaceFirst("\\s+--.*$", "");
            try (PreparedStatement update = connection.prepareStatement(runnable)) {
                update.setInt(1, -4);
                update.setString(2, "A");
                update.setInt(3, 4);
                assertThat(update.executeUpdate()).isEqualTo(1);
                assertThat(update.executeUpdate()).as("1 left, 4 asked").isZero();
            }
        }
    }

    private static List<Finding> analyze(Path dir, String method) throws Exception {
        Files.copy(Path.of("src/test/java/io/ormrace/analyzer/fixes/FixWallet.java"), dir.resolve("FixWallet.java"));
        Files.writeString(dir.resolve("Repositories.java"), """
                package io.ormrace.analyzer.fixes;
                import org.springframework.data.jpa.repository.JpaRepository;
                interface FixWalletRepository extends JpaRepository<FixWallet, Long> {
                }
                interface Payments {
                    void charge(Long id);
                }
                """);
        Files.writeString(dir.resolve("Service.java"), """
                package io.ormrace.analyzer.fixes;
                import org.springframework.transaction.annotation.Transactional;
                public class Service {
                    private FixWalletRepository wallets;
                    private Payments payments;
                """ + method + "}\n");
        return new Analyzer(dir).analyze(List.of(dir)).findings();
    }

    private static String jpqlOf(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        Matcher query = QUERY.matcher(findings.get(0).firstFix().orElseThrow().code());
        assertThat(query.find()).as(findings.get(0).firstFix().get().code()).isTrue();
        return query.group(1);
    }

    private static void reset(FixWallet wallet) {
        try (EntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            FixWallet existing = em.find(FixWallet.class, wallet.getId());
            if (existing != null) {
                em.remove(existing);
                em.flush();
            }
            em.persist(wallet);
            em.getTransaction().commit();
        }
    }

    private static int run(String jpql, Map<String, Object> parameters) {
        try (EntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            Query query = em.createQuery(jpql);
            parameters.forEach(query::setParameter);
            int updated = query.executeUpdate();
            em.getTransaction().commit();
            return updated;
        }
    }

    private static long balance(long id) {
        try (EntityManager em = factory.createEntityManager()) {
            return em.find(FixWallet.class, id).getBalance();
        }
    }
}
