package io.ormrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.core.Finding;
import io.ormrace.core.Fix;
import io.ormrace.core.Rule;
import io.ormrace.core.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the precision fixture's findings say, beyond their rule and line (FixturesTest checks those). */
class PrecisionTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/precision");

    private static List<Finding> findings(Path dir, boolean includeTests) throws Exception {
        return new Analyzer(dir, Analyzer.Options.defaults().withTests(includeTests)).analyze(List.of(dir)).findings();
    }

    private static Finding at(List<Finding> findings, String file, String text) throws Exception {
        List<String> lines = Files.readAllLines(FIXTURE.resolve(file));
        int line = lines.indexOf(lines.stream().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
        return findings.stream().filter(f -> f.location().path().endsWith(file) && f.location().line() == line)
                .findFirst().orElseThrow(() -> new AssertionError("no finding at " + file + ":" + line + " in " + findings));
    }

    @Test
    void aUniquenessCheckThatThrowsIsANoteWithTheTranslatingFix() throws Exception {
        Finding finding = at(findings(FIXTURE, false), "TagService.java", "return tags.save(new Tag(name))");

        assertThat(finding.rule()).isEqualTo(Rule.UNHANDLED_UNIQUE_VIOLATION);
        assertThat(finding.severity()).isEqualTo(Severity.NOTE);
        assertThat(finding.message()).contains("uniqueness check on tag (name) throws its own error");
        assertThat(finding.firstFix()).map(Fix::code).get().asString().contains("catch (DataIntegrityViolationException e)");
    }

    @Test
    void aCountComparedWithALimitIsACapacityClaimedAtomically() throws Exception {
        Finding take = findings(Path.of("src/test/resources/fixtures/capacity"), false).stream()
                .filter(f -> f.anchor().endsWith("TicketDesk#take")).findFirst().orElseThrow();

        assertThat(take.rule()).isEqualTo(Rule.RACY_GET_OR_CREATE);
        assertThat(take.message()).isEqualTo("a ticket row is inserted while a count of the rows by (event_id) is below a "
                + "limit, and nothing makes the callers take turns: concurrent callers count the same rows and all insert, "
                + "past the limit");
        assertThat(take.evidence().get(0).description()).startsWith("counted by ").endsWith(" and found below the limit");
        assertThat(take.firstFix()).map(Fix::code).get().asString()
                .isEqualTo("update <owner> set taken = taken + 1 where id = ? and taken < <limit>  -- 0 rows: full; then "
                        + "insert, in the same transaction");
    }

    @Test
    void aJooqRecordNamesItsColumnsAsTheGeneratedTableDoes() throws Exception {
        List<Finding> findings = findings(Path.of("src/test/resources/fixtures/jooq"), false);
        Finding counted = findings.stream().filter(f -> f.anchor().endsWith("RecordService#countLabel")).findFirst().orElseThrow();
        Finding stored = findings.stream().filter(f -> f.anchor().endsWith("RecordService#label")).findFirst().orElseThrow();

        assertThat(counted.message()).startsWith("stock.label_count is read, then written back by jOOQ store() of the stock record");
        assertThat(counted.firstFix()).map(Fix::code).get().asString().contains("STOCK.LABEL_COUNT.plus(");
        assertThat(stored.message()).startsWith("stock.label_count is set from count(*) of label rows");
    }

    @Test
    void aJooqLostUpdateIsFixedInJooq() throws Exception {
        Finding take = findings(Path.of("src/test/resources/fixtures/jooq"), false).stream()
                .filter(f -> f.anchor().endsWith("StockService#take")).findFirst().orElseThrow();

        assertThat(take.message()).isEqualTo("stock.quantity is read, then written back by jOOQ update stock where id = ? with a "
                + "value computed from the value read; a concurrent update between the read and the write is lost");
        assertThat(take.evidence().get(0).description()).isEqualTo("read by jOOQ select from stock where id = ?");
        assertThat(take.firstFix()).map(Fix::code).get().asString()
                .isEqualTo("dsl.update(STOCK).set(STOCK.QUANTITY, STOCK.QUANTITY.plus(delta)).where(STOCK.ID.eq(id)).execute();");
    }

    @Test
    void aStoredCountIsFixedByCountingInTheDatabase() throws Exception {
        List<Finding> findings = findings(Path.of("src/test/resources/fixtures/aggregates"), false);
        Finding add = findings.stream().filter(f -> f.anchor().endsWith("CommentCounter#add")).findFirst().orElseThrow();
        Finding register = findings.stream().filter(f -> f.anchor().endsWith("VersionRegistry#register")).findFirst().orElseThrow();

        assertThat(add.message()).isEqualTo("post.comment_count is set from count(*) of comment rows, read in the transaction "
                + "that inserts such a row, and written by 'update post set comment_count = ? where id = ?'; a concurrent "
                + "caller's row is not visible to this read, so both store an aggregate that misses the other's row, and the "
                + "last write wins");
        assertThat(add.evidence().get(0).description()).isEqualTo("read by select count(*) from comment where post_id = ?");
        assertThat(add.firstFix()).map(Fix::code).get().asString()
                .isEqualTo("update post set comment_count = comment_count + 1 where ...  -- after the insert");
        assertThat(register.firstFix()).map(Fix::code).get().asString()
                .isEqualTo("update definition set latest_version = greatest(latest_version, ?) where ...");
        Finding entity = findings.stream().filter(f -> f.anchor().endsWith("Comments#add")).findFirst().orElseThrow();
        assertThat(entity.firstFix()).map(Fix::code).get().asString()
                .isEqualTo("@Modifying @Query(\"update Post e set e.commentCount = e.commentCount + 1 where e.number = :id\")\n"
                        + "int incrementCommentCount(@Param(\"id\") Long id);  // call it after the insert");
    }

    @Test
    void aMyBatisLostUpdateIsFixedInTheMapperSql() throws Exception {
        Finding ship = findings(Path.of("src/test/resources/fixtures/mybatis"), false).stream()
                .filter(f -> f.anchor().endsWith("StockService#ship")).findFirst().orElseThrow();

        assertThat(ship.message()).isEqualTo("Stock.quantity is read, then written back by StockMapper.update(...) with a value "
                + "computed from the value read; a concurrent update between the read and the write is lost");
        assertThat(ship.evidence().get(0).description())
                .isEqualTo("read by StockMapper.findBySku (select id, sku, quantity, location, updated from stock where sku = #{sku})");
        assertThat(ship.firstFix()).map(Fix::code).get().asString().isEqualTo("@Update(\"update stock set quantity = quantity "
                + "+ #{delta} where sku = #{sku}\") int ...;  // or the same statement in the mapper XML");
    }

    @Test
    void aCheckThenSetNamesTheEffectASecondCallerRepeats() throws Exception {
        List<Finding> findings = findings(FIXTURE, false);

        assertThat(findings).filteredOn(f -> f.anchor().endsWith("#settle")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("Wallet.status is checked, then set under that check")
                    .contains("repeats what the check guards: insert into payment");
            assertThat(f.firstFix()).map(Fix::code).get().asString()
                    .contains("update Wallet w set w.status = :next where w.id = :id and w.status = :expected");
        });
        assertThat(findings).filteredOn(f -> f.anchor().endsWith("#undo")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Journal.postReversal(...)"));
    }

    @Test
    void theAtomicUpdateOfAGuardedDecrementKeepsTheGuard() throws Exception {
        Finding withdraw = findings(FIXTURE, false).stream().filter(f -> f.anchor().endsWith("#withdraw")).findFirst().orElseThrow();

        assertThat(withdraw.firstFix()).map(Fix::code).get().asString().isEqualTo(
                "@Modifying @Query(\"update Wallet w set w.balance = w.balance + :delta where w.id = :id and w.balance >= :amount\") "
                        + "int ...;  // 1 row: done; 0 rows: the check failed, as it would have in Java");
    }

    @Test
    void aTextColumnGetsACompareAndSetNotAnAddition() throws Exception {
        Finding note = findings(FIXTURE, false).stream().filter(f -> f.anchor().endsWith("#appendNote")).findFirst().orElseThrow();

        assertThat(note.firstFix()).map(Fix::code).get().asString()
                .contains("set w.notes = :next where w.id = :id and w.notes = :expected").doesNotContain("+ :delta");
    }

    @Test
    void everyFindingHasItsOwnFingerprintAndKeepsItWhenLinesMove(@TempDir Path dir) throws Exception {
        List<Finding> before = findings(FIXTURE, false);
        assertThat(before).extracting(Finding::fingerprint).doesNotHaveDuplicates();

        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = dir.resolve(FIXTURE.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, "\n\n\n" + Files.readString(file).replace("    @Transactional\n", "\n    @Transactional\n"));
            }
        }
        List<Finding> moved = findings(dir, false);

        assertThat(moved).extracting(Finding::fingerprint)
                .containsExactlyInAnyOrderElementsOf(before.stream().map(Finding::fingerprint).toList());
        assertThat(moved.get(0).location().line()).isNotEqualTo(before.get(0).location().line());
    }

    @Test
    void testRootsAreLeftOutUnlessIncluded() throws Exception {
        assertThat(findings(FIXTURE, false)).noneMatch(f -> f.location().path().contains("src/test/java"));
        assertThat(findings(FIXTURE, true)).filteredOn(f -> f.location().path().contains("src/test/java"))
                .singleElement().satisfies(f -> assertThat(f.anchor()).endsWith("WalletServiceTest#bumpForTheTest"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a guard against the hang it checks for, not a measure of speed
    void embeddablesThatHoldEachOtherAreReadOnce(@TempDir Path project) throws Exception {
        StringBuilder a = new StringBuilder("package fx;\n@jakarta.persistence.Embeddable\npublic class A {\n");
        StringBuilder b = new StringBuilder("package fx;\n@jakarta.persistence.Embeddable\npublic class B {\n");
        for (int i = 0; i < 8; i++) {
            a.append("    B b").append(i).append(";\n");
            b.append("    A a").append(i).append(";\n");
        }
        Files.createDirectories(project.resolve("fx"));
        Files.writeString(project.resolve("fx/A.java"), a.append("}\n"));
        Files.writeString(project.resolve("fx/B.java"), b.append("}\n"));
        Files.writeString(project.resolve("fx/Holder.java"), """
                package fx;
                @jakarta.persistence.Entity
                public class Holder {
                    @jakarta.persistence.Id Long id;
                    A a;
                }
                """);

        Analyzer.Result result = new Analyzer(project).analyze(List.of(project));

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void anIntegrationTestRootIsATestRoot(@TempDir Path project) throws Exception {
        Path tests = Files.createDirectories(project.resolve("src/integration-test/java/fx"));
        Files.writeString(tests.resolve("Counter.java"), """
                package fx;
                @jakarta.persistence.Entity
                public class Counter {
                    @jakarta.persistence.Id Long id;
                    long hits;
                    public long getHits() { return hits; }
                    public void setHits(long hits) { this.hits = hits; }
                }
                """);
        Files.writeString(tests.resolve("CounterIT.java"), """
                package fx;
                public class CounterIT {
                    interface CounterRepository extends org.springframework.data.jpa.repository.JpaRepository<Counter, Long> {
                    }
                    CounterRepository counters;
                    public void bump(Long id) {
                        Counter counter = counters.findById(id).orElseThrow();
                        counter.setHits(counter.getHits() + 1);
                        counters.save(counter);
                    }
                }
                """);

        assertThat(findings(project, false)).isEmpty();
        assertThat(findings(project, true)).isNotEmpty();
    }

    @Test
    void aSpringDataJdbcAggregateGetsSpringDataJdbcFixes() throws Exception {
        Finding reserve = findings(Path.of("src/test/resources/fixtures/spring-data-jdbc"), false).stream()
                .filter(f -> f.anchor().endsWith("#reserve")).findFirst().orElseThrow();

        assertThat(reserve.fixes()).extracting(Fix::code).containsExactly(
                "@Modifying @Query(\"update product set stock = stock + :delta where id = :id and stock >= :quantity\") "
                        + "boolean ...;  // false: 0 rows, the check failed",
                "@Lock(LockMode.PESSIMISTIC_WRITE) Optional<Product> findWithLockById(...);  "
                        + "// org.springframework.data.relational.repository.Lock, instead of ProductRepository.findById",
                "@Version private Long version;  // org.springframework.data.annotation.Version in Product: save() then "
                        + "throws OptimisticLockingFailureException; retry the whole read-modify-write");
    }
}
