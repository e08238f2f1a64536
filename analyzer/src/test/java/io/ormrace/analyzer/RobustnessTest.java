package io.ormrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.core.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is reported and skipped; it never stops the analysis of the rest, nor crashes or hangs it. */
class RobustnessTest {

    private static final Path WALLET = Path.of("src/test/resources/fixtures/javax-lombok");

    @Test
    void anUnparseableFileIsReportedWithItsLineAndTheRestIsStillAnalyzed(@TempDir Path dir) throws Exception {
        copyWallet(dir);
        Files.writeString(dir.resolve("Broken.java"), "package x;\n\nclass Broken {\n    void m(EntityManager em {\n}\n");

        Analyzer.Result result = new Analyzer(dir).analyze(List.of(dir));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("Broken.java");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).startsWith("cannot parse, skipped: ");
        });
        assertThat(result.findings()).extracting(f -> f.rule()).containsOnly(Rule.LOST_UPDATE).hasSize(2);
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsLatin1WithAWarning(@TempDir Path dir) throws Exception {
        copyWallet(dir);
        Files.write(dir.resolve("Legacy.java"), "package x;\n/* Gr\u00fc\u00dfe */\nclass Legacy {}\n".getBytes(StandardCharsets.ISO_8859_1));

        Analyzer.Result result = new Analyzer(dir).analyze(List.of(dir));

        assertThat(result.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).isEqualTo("not valid UTF-8, read as ISO-8859-1"));
        assertThat(result.findings()).hasSize(2);
    }

    @Test
    void aBrokenFileThatUsesNoDatabaseIsNotEvenParsed(@TempDir Path dir) throws Exception {
        copyWallet(dir);
        Files.writeString(dir.resolve("Broken.java"), "package x;\n\nclass Broken {\n    void m( {\n}\n");

        Analyzer.Result result = new Analyzer(dir).analyze(List.of(dir));

        assertThat(result.problems()).isEmpty();
        assertThat(result.findings()).hasSize(2);
    }

    @Test
    @Timeout(120)
    void aGeneratedFileOfFiftyThousandLinesIsAnalyzed(@TempDir Path dir) throws Exception {
        copyWallet(dir);
        StringBuilder generated = new StringBuilder("package fx.wallet;\n\npublic class Generated {\n");
        for (int i = 0; i < 5_000; i++) {
            generated.append("    public long m").append(i).append("(long a) {\n")
                    .append("        long b = a * ").append(i).append(";\n")
                    .append("        if (b > 10) {\n            b = b - 1;\n        }\n")
                    .append("        return b + a;\n    }\n\n");
        }
        generated.append("}\n");
        Files.writeString(dir.resolve("Generated.java"), generated);
        assertThat(generated.toString().lines().count()).isGreaterThanOrEqualTo(40_000);

        Analyzer.Result result = new Analyzer(dir).analyze(List.of(dir));

        assertThat(result.problems()).isEmpty();
        assertThat(result.findings()).hasSize(2);
    }

    @Test
    @Timeout(120)
    void deeplyNestedCodeNeitherCrashesNorHangs(@TempDir Path dir) throws Exception {
        copyWallet(dir);
        StringBuilder nested = new StringBuilder("package x;\nclass Deep {\n    int m(int a) {\n        return ");
        nested.append("(".repeat(3_000)).append("a").append(" + 1)".repeat(3_000)).append(";\n    }\n");
        nested.append("    void n(boolean c) {\n").append("        if (c) {\n".repeat(300))
                .append("        }\n".repeat(300)).append("    }\n}\n");
        Files.writeString(dir.resolve("Deep.java"), nested);

        Analyzer.Result result = new Analyzer(dir).analyze(List.of(dir));

        assertThat(result.findings()).hasSize(2);
        assertThat(result.problems()).allSatisfy(problem -> assertThat(problem.file()).isEqualTo("Deep.java"));
    }

    @Test
    void aCheckThatFailsOnOneEventCostsOnlyThatEvent() throws Exception {
        Path fixture = Path.of("src/test/resources/fixtures/precision");
        io.ormrace.analyzer.checks.Check failing = new io.ormrace.analyzer.checks.Check() {
            @Override
            public java.util.Optional<io.ormrace.core.Finding> check(io.ormrace.analyzer.flow.Event event,
                    io.ormrace.analyzer.schema.Schema schema) {
                if (event.place().anchor().endsWith("#deposit")) {
                    throw new IllegalStateException("boom");
                }
                return java.util.Optional.empty();
            }

            @Override
            public Rule rule() {
                return Rule.LOST_UPDATE;
            }
        };
        List<io.ormrace.analyzer.checks.Check> checks = new java.util.ArrayList<>(io.ormrace.analyzer.checks.Check.all());
        checks.add(failing);

        Analyzer.Result result = new Analyzer(Path.of(""), new Analyzer.Options(false, checks)).analyze(List.of(fixture));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isInternal()).isTrue();
            assertThat(problem.level()).isEqualTo(Problem.Level.ERROR);
            assertThat(problem.file()).endsWith("precision/WalletService.java");
            assertThat(problem.line()).isEqualTo(28);
            assertThat(problem.message()).startsWith("internal error while checking lost-update in fx.precision.WalletService#deposit")
                    .endsWith("java.lang.IllegalStateException: boom");
            assertThat(problem.trace()).isNotEmpty();
        });
        assertThat(result.findings()).hasSize(new Analyzer(Path.of("")).analyze(List.of(fixture)).findings().size());
    }

    @Test
    @Timeout(60)
    void blockLambdasNestedFortyDeepAreSkippedBeforeJavaParserHangsOnThem(@TempDir Path dir) throws Exception {
        copyWallet(dir);
        String nested = "run(() -> {\n".repeat(40) + "int x = 1;\n" + "});\n".repeat(40);
        Files.writeString(dir.resolve("Callbacks.java"), "package x;\nimport javax.sql.DataSource;\nclass Callbacks {\n"
                + "    DataSource dataSource;\n    void run(Runnable r) { r.run(); }\n    void deep() {\n" + nested + "    }\n}\n");

        Analyzer.Result result = new Analyzer(dir).analyze(List.of(dir));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("Callbacks.java");
            assertThat(problem.message()).contains("block lambdas nested 40 deep");
        });
        assertThat(result.findings()).hasSize(2);
    }

    @Test
    void lambdaDepthIgnoresStringsAndComments() {
        assertThat(NestingGuard.lambdaDepth("f(a -> { g(b -> { h(); }); }); k(c -> { });")).isEqualTo(2);
        assertThat(NestingGuard.lambdaDepth("String s = \"-> { -> {\"; // -> {\n/* -> { */ f(a -> 1);")).isZero();
        assertThat(NestingGuard.lambdaDepth("if (a) { f(x -> { }); } else { g(y -> { h(z -> { }); }); }")).isEqualTo(2);
    }

    @Test
    void aWalkStoppedByTheDepthLimitIsSaidOnceAtTheFirstMethodCutOff(@TempDir Path dir) throws Exception {
        copyWallet(dir);
        StringBuilder chain = new StringBuilder("package fx.wallet;\n\n@org.springframework.stereotype.Service\n"
                + "public class Chain {\n    private final WalletRepository wallets;\n\n"
                + "    Chain(WalletRepository wallets) {\n        this.wallets = wallets;\n    }\n\n"
                + "    @org.springframework.transaction.annotation.Transactional\n"
                + "    public void pay(long id) {\n        step1(id);\n    }\n");
        for (int i = 1; i < 9; i++) {
            chain.append("\n    private void step").append(i).append("(long id) {\n        step").append(i + 1).append("(id);\n    }\n");
        }
        chain.append("\n    private void step9(long id) {\n        Wallet wallet = wallets.findById(id).orElseThrow();\n"
                + "        wallet.setBalance(wallet.getBalance() - 1);\n    }\n}\n");
        Files.writeString(dir.resolve("Chain.java"), chain);

        Analyzer.Result result = new Analyzer(dir).analyze(List.of(dir));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(problem.file()).isEqualTo("Chain.java");
            assertThat(problem.line()).isEqualTo(11);
            assertThat(problem.message()).startsWith("the walk of Chain.pay stopped at a limit (calls nested 6 deep): "
                    + "the calls past it were not followed, and a race in them is not reported");
        });
        assertThat(result.findings()).hasSize(2);
    }

    @Test
    void aWalkStoppedByTheCallBudgetIsCountedApartFromTheDepthLimit(@TempDir Path dir) throws Exception {
        copyWallet(dir);
        StringBuilder fanOut = new StringBuilder("package fx.wallet;\n\npublic class FanOut {\n"
                + "    public long all(long id) {\n        long sum = 0;\n");
        for (int i = 0; i < 300; i++) {
            fanOut.append("        sum += part(id);\n");
        }
        fanOut.append("        return sum;\n    }\n\n    public long other(long id) {\n        return deeper1(id);\n    }\n");
        for (int i = 1; i < 9; i++) {
            fanOut.append("\n    private long deeper").append(i).append("(long id) {\n        return deeper").append(i + 1).append("(id);\n    }\n");
        }
        fanOut.append("\n    private long deeper9(long id) {\n        return id;\n    }\n\n"
                + "    private long part(long id) {\n        return id + 1;\n    }\n\n    private EntityManager em;\n}\n");
        Files.writeString(dir.resolve("FanOut.java"), fanOut);

        Analyzer.Result result = new Analyzer(dir).analyze(List.of(dir));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("FanOut.java");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).startsWith("the walks of 2 methods stopped at a limit (1 at calls nested 6 deep, "
                    + "1 at more than 256 calls gone into from one method), the first here, FanOut.all: ");
        });
    }

    private static void copyWallet(Path dir) throws Exception {
        try (var files = Files.list(WALLET)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }
}
