package io.ormrace.analyzer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.analyzer.Analyzer;
import io.ormrace.analyzer.Problem;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The inputs the fuzzers ({@link JavaFrontEndFuzzTest}, {@link SchemaFrontEndFuzzTest}) found to crash the analyzer,
 * each cut down to what crashed it: each is now analyzed without an internal error, and the code around the odd
 * construct is still analyzed (a line ending in {@code // ormrace: <rule>} is flagged, no other line is).
 */
class FuzzRegressionTest {

    private static final Pattern MARKER = Pattern.compile("//\\s*ormrace:\\s*([a-z-]+)\\s*$");

    // ---------------------------------------------------------------- JDBC calls with fewer arguments than the API has

    /** A JDBC read-modify-write of stock, with an odd statement first: the lost update is still found. */
    private static Map<String, String> stock(String odd, String oddLater) {
        return Map.of("x/Stock.java", """
                package x;

                import java.sql.*;
                import javax.sql.DataSource;

                public class Stock {
                    private final DataSource dataSource;

                    public void take(String sku) throws SQLException {
                        Connection connection = dataSource.getConnection();
                        %s
                        PreparedStatement select = connection.prepareStatement("select quantity from stock_item where sku = ?");
                        select.setString(1, sku);
                        ResultSet rows = select.executeQuery();
                        rows.next();
                        int available = rows.getInt(1);
                        PreparedStatement update = connection.prepareStatement("update stock_item set quantity = ? where sku = ?");
                        update.setInt(1, available - 1);
                        update.setString(2, sku);
                        %s
                        update.executeUpdate(); // ormrace: lost-update
                    }
                }
                """.formatted(odd, oddLater));
    }

    @Test
    void setAutoCommitWithoutItsArgument() {
        assertAnalyzedAsMarked(stock("connection.setAutoCommit();", ""));
    }

    @Test
    void setTransactionIsolationWithoutItsArgument() {
        assertAnalyzedAsMarked(stock("connection.setTransactionIsolation();", ""));
    }

    @Test
    void prepareStatementWithoutItsSql() {
        assertAnalyzedAsMarked(stock("PreparedStatement nothing = connection.prepareStatement();", ""));
    }

    // ---------------------------------------------------------------- integer literals out of int's range

    /** {@code 99999999999} and {@code 2147483648} parse (javac rejects them), but are no int. */
    @Test
    void aParameterIndexOutOfIntRange() {
        assertAnalyzedAsMarked(stock("", "update.setInt(99999999999, 0);\n            update.setInt(2147483648, 0);"));
    }

    @Test
    void aColumnIndexOutOfIntRange() {
        assertAnalyzedAsMarked(stock("", "long odd = rows.getLong(99999999999);"));
    }

    /** A count compared to a literal out of int's range, then get-or-create on the count compared to 0. */
    @Test
    void aCountComparedToALiteralOutOfIntRange() {
        assertAnalyzedAsMarked(Map.of("x/Tag.java", """
                package x;

                import jakarta.persistence.*;

                @Entity
                public class Tag {
                    @Id Long id;
                    String name;
                }
                """, "x/Tags.java", """
                package x;

                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.transaction.annotation.Transactional;

                interface TagRepository extends JpaRepository<Tag, Long> {
                    long countByName(String name);
                }

                public class Tags {
                    private final TagRepository tags;

                    @Transactional
                    public void tag(String name) {
                        if (tags.countByName(name) == 99999999999) {
                            return;
                        }
                        if (tags.countByName(name) == 0) {
                            tags.save(new Tag()); // ormrace: racy-get-or-create
                        }
                    }
                }
                """));
    }

    // ---------------------------------------------------------------- SQL text the update and select readers did not expect

    /** A JdbcTemplate update of a row read before: lost, whatever odd SQL runs before it. */
    private static Map<String, String> template(String oddSql) {
        return Map.of("x/Accounts.java", """
                package x;

                import org.springframework.jdbc.core.JdbcTemplate;

                public class Accounts {
                    private final JdbcTemplate jdbc;

                    public void pay(long id, long amount) {
                        jdbc.update("%s", amount, id);
                        long balance = jdbc.queryForObject("select balance from account where id = ?", Long.class, id);
                        jdbc.update("update account set balance = ? where id = ?", balance - amount, id); // ormrace: lost-update
                    }
                }
                """.formatted(oddSql));
    }

    @Test
    void anUpdateWithItsWhereBeforeItsSet() {
        assertAnalyzedAsMarked(template("update account where id = ? set balance = ?"));
    }

    @Test
    void anUpdateThatSetsNoName() {
        assertAnalyzedAsMarked(template("update account set . = ? where id = ?"));
    }

    /** {@code " set "} and {@code " where "} share the space between them. */
    @Test
    void anUpdateThatSetsNothing() {
        assertAnalyzedAsMarked(template("update account set where id = ?"));
    }

    @Test
    void aSelectOfNoName() {
        assertAnalyzedAsMarked(template("select . from account where id = ?"));
    }

    // ---------------------------------------------------------------- what takes JavaParser too long

    /**
     * Lambdas with block bodies nested as call arguments: JavaParser 3.28 parses them in time exponential in the
     * depth (about 1.6 times per level: 16 deep takes seconds, 20 deep half a minute, the 51 a duplicated line made
     * would never end). Analyzer.parse measures the nesting from the text first and skips such a file with a notice.
     */
    @Test
    @Timeout(60)
    void lambdasNestedTwentyFiveDeepAsArguments() {
        int depth = 25;
        assertAnalyzedAsMarked(Map.of("x/Nested.java", """
                package x;

                import org.springframework.transaction.support.TransactionTemplate;

                public class Nested {
                    private final TransactionTemplate transactions;

                    public void run() {
                %s            work();
                %s    }
                }
                """.formatted("        transactions.executeWithoutResult(status -> {\n".repeat(depth),
                "        });\n".repeat(depth))));
    }

    /**
     * A call chain 2000 links long: the method walk recurses once a link and overflowed a common pool thread's stack.
     * The mutator made it, one long chain on top of another. Parse and walk now run on threads with a deep stack.
     */
    @Test
    void aCallChainTwoThousandLinksLong() {
        assertAnalyzedAsMarked(stock("connection" + ".getWarnings()".repeat(2000) + ";", ""));
    }

    // ---------------------------------------------------------------- Liquibase changelogs

    /** A YAML anchor whose list holds its own alias: a structure that contains itself. */
    @Test
    void aYamlChangelogThatContainsItself() {
        assertSchemaReadWithoutInternalError("db/changelog/changelog.yaml", """
                databaseChangeLog:
                anchor: &a [*a]
                """);
    }

    @Test
    void aYamlChangeWhoseTableNameContainsItself() {
        assertSchemaReadWithoutInternalError("db/changelog/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      changes:
                        - addUniqueConstraint:
                            tableName: &t [[*t]]
                            columnNames: &c [[*c]]
                        - createIndex:
                            tableName: &i [[*i]]
                            unique: true
                            columns:
                              - column:
                                  name: &n [[*n]]
                        - sql:
                            sql: &s [[*s]]
                """);
    }

    /** Elements nested deeper than a recursive walk of the document goes. */
    @Test
    void anXmlChangelogNestedTwentyThousandDeep() {
        assertSchemaReadWithoutInternalError("db/changelog/changelog.xml", "<databaseChangeLog><changeSet><sql>"
                + "<a>".repeat(20_000) + "create table x (a int primary key)" + "</a>".repeat(20_000) + "</sql></changeSet></databaseChangeLog>");
    }

    /** The changelog is read, or reported as unreadable, without an internal error; the device's key is still read. */
    private static void assertSchemaReadWithoutInternalError(String path, String changelog) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put(path, changelog);
        files.put("db/migration/V1__device.sql", "create table device (id bigint primary key, serial varchar(64) unique);\n");
        files.put("x/Device.java", """
                package x;

                import jakarta.persistence.*;

                @Entity
                public class Device {
                    @Id Long id;
                    String serial;
                }
                """);
        files.put("x/Devices.java", """
                package x;

                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.transaction.annotation.Transactional;

                interface DeviceRepository extends JpaRepository<Device, Long> {
                    boolean existsBySerial(String serial);
                }

                public class Devices {
                    private final DeviceRepository devices;

                    @Transactional
                    public void register(String serial) {
                        if (!devices.existsBySerial(serial)) {
                            devices.save(new Device()); // ormrace: unhandled-unique-violation
                        }
                    }
                }
                """);
        assertAnalyzedAsMarked(files);
    }

    // ---------------------------------------------------------------- helpers

    /** Analyzes the files: no internal error, and exactly the marked lines flagged with their rules. */
    static Analyzer.Result assertAnalyzedAsMarked(Map<String, String> files) {
        Analyzer.Result result = Fuzz.analyze(files);
        assertThat(result.problems()).as("problems").noneMatch(Problem::isInternal);
        Set<String> actual = new TreeSet<>();
        result.findings().forEach(f -> actual.add(f.location().path() + ":" + f.location().line() + " [" + f.rule().id() + "]"));
        assertThat(actual).as("findings; problems: " + result.problems()).isEqualTo(expected(files));
        return result;
    }

    private static Set<String> expected(Map<String, String> files) {
        Set<String> expected = new TreeSet<>();
        files.forEach((path, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher marker = MARKER.matcher(lines[i]);
                if (marker.find()) {
                    expected.add(path + ":" + (i + 1) + " [" + marker.group(1) + "]");
                }
            }
        });
        return expected;
    }
}
