package io.ormrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrmraceCommandTest {

    private static final String SHOP = "../samples/spring-shop/src/main";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OrmraceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void findingsPrintJavacStyleAndExitOne() {
        int exit = run(SHOP);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("../samples/spring-shop/src/main/java/io/ormrace/samples/shop/PostService.java:25:9: error: [lost-update] ")
                .contains("    fix: ")
                .contains("[racy-get-or-create]");
    }

    @Test
    void failOnNeverExitsZeroAndFailOnErrorIgnoresWarnings(@TempDir Path dir) throws Exception {
        assertThat(run("--fail-on", "never", SHOP)).isZero();

        Path onlyWarnings = dir.resolve("CustomerService.java");
        Files.copy(Path.of(SHOP, "java/io/ormrace/samples/shop/CustomerService.java"), onlyWarnings);
        Files.copy(Path.of(SHOP, "java/io/ormrace/samples/shop/Customer.java"), dir.resolve("Customer.java"));
        Files.copy(Path.of(SHOP, "java/io/ormrace/samples/shop/CustomerRepository.java"), dir.resolve("CustomerRepository.java"));
        assertThat(run("--fail-on", "error", dir.toString())).isZero();
        assertThat(run("--fail-on", "warning", dir.toString())).isEqualTo(1);
    }

    @Test
    void sarifGoesToTheOutputFile(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("reports/ormrace.sarif");

        int exit = run("--format", "sarif", "--output", report.toString(), SHOP);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(Files.readString(report)).contains("\"version\": \"2.1.0\"").contains("\"ruleId\": \"lost-update\"");
        assertThat(err.toString()).contains("written to " + report);
    }

    @Test
    void severalOutputsTakeTheirFormatFromTheirExtension(@TempDir Path dir) throws Exception {
        int exit = run("--output", dir.resolve("r.sarif").toString(), "--output", dir.resolve("r.json").toString(),
                "--output", dir.resolve("r.txt").toString(), SHOP);

        assertThat(exit).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("r.sarif"))).contains("\"version\": \"2.1.0\"");
        assertThat(Files.readString(dir.resolve("r.json"))).contains("\"findings\": [");
        assertThat(Files.readString(dir.resolve("r.txt"))).contains(": error: [lost-update] ");
    }

    @Test
    void aBaselineAcceptsTodaysFindingsAndOnlyNewOnesFail(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("src/shop/Likes.java");
        java.nio.file.Files.createDirectories(source.getParent());
        java.nio.file.Files.copy(Path.of("../maven-plugin/src/it/racy-fails/src/main/java/shop/Likes.java"), source);
        Path baseline = dir.resolve("ormrace-baseline.txt");

        assertThat(run("--write-baseline", baseline.toString(), dir.resolve("src").toString())).isZero();
        assertThat(run("--baseline", baseline.toString(), dir.resolve("src").toString())).isZero();
        assertThat(out.toString()).contains("1 baselined finding(s) remain, not reported; 0 new")
                .doesNotContain("[lost-update]");

        // a second racy method is new: reported, and the build fails on it alone
        String twice = java.nio.file.Files.readString(source).replace("public int like(", "public int likeAgain(long id) "
                + "throws SQLException { return like(id); }\n\n    public int like(");
        java.nio.file.Files.writeString(dir.resolve("src/shop/Views.java"), twice.replace("class Likes", "class Views")
                .replace("public Likes(", "public Views(").replace("from post", "from page").replace("update post", "update page"));
        out.getBuffer().setLength(0);
        assertThat(run("--baseline", baseline.toString(), dir.resolve("src").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("Views.java").contains("[lost-update]").doesNotContain("Likes.java:")
                .contains("1 baselined finding(s) remain, not reported; 1 new");
    }

    @Test
    void aMissingBaselineIsAUsageError() {
        assertThat(run("--baseline", "no-such-baseline.txt", SHOP)).isEqualTo(2);
        assertThat(err.toString()).contains("baseline not found: no-such-baseline.txt (record one with --write-baseline)");
    }

    @Test
    void usageAndInputErrorsExitTwoAndSayWhatWasWrong() {
        assertThat(run("no/such/dir")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or directory: no/such/dir");

        assertThat(run("--format", "xml", SHOP)).isEqualTo(2);
        assertThat(err.toString()).contains("unknown --format 'xml'");

        assertThat(run("--fail-on", "sometimes", SHOP)).isEqualTo(2);
        assertThat(run("--classpath", "missing.jar", SHOP)).isEqualTo(2);
        assertThat(err.toString()).contains("classpath entry not found: missing.jar");

        assertThat(run()).isEqualTo(2);
    }
}
