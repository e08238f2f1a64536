package io.ormrace.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.ormrace.core.Evidence;
import io.ormrace.core.Finding;
import io.ormrace.core.Origin;
import io.ormrace.core.Rule;
import io.ormrace.core.SourceLocation;
import io.ormrace.core.TestCase;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static final String HOSTILE = "tag \"<script>alert('x')</script>\"\n\ttab \\ backslash \u0001";

    private static Report report() {
        Finding lostUpdate = Finding.builder(Rule.LOST_UPDATE, Origin.STATIC)
                .message("Post.likes is read, then written back by PostRepository.save(...)")
                .at(new SourceLocation("src/main/java/shop/Post Service.java", 25, 9), "shop.PostService#like")
                .target("Post", List.of("likes"))
                .evidence(Evidence.at(Evidence.Kind.READ, new SourceLocation("src/main/java/shop/Post Service.java", 23, 21),
                        "read by PostRepository.findById"))
                .evidence(Evidence.at(Evidence.Kind.LOCK, null, "the read takes no lock"))
                .fix("let the database compute the new value", "update Post p set p.likes = p.likes + 1 where p.id = :id")
                .build();
        Finding runtime = Finding.builder(Rule.RACY_GET_OR_CREATE, Origin.RUNTIME)
                .message(HOSTILE)
                .at(SourceLocation.lineOnly("shop/TagService.java", 19), "shop.TagService#findOrCreate")
                .target("tag", List.of("name"))
                .evidence(new Evidence(Evidence.Kind.LOOKUP, SourceLocation.lineOnly("shop/TagService.java", 18),
                        "select came back empty", "select t.id from tag t where t.name = ?"))
                .count(3)
                .test(new TestCase("shop.TagServiceTest", "creates", HOSTILE))
                .build();
        return new Report("0.1.0", List.of(lostUpdate, runtime),
                List.of(new Notice("error", "src/Broken.java", 3, "cannot parse, skipped: " + HOSTILE)));
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchemaAndCarriesWhatCodeScanningNeeds() throws Exception {
        String sarif = Format.SARIF.write(report());

        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode document = new ObjectMapper().readTree(sarif);
        Set<ValidationMessage> errors = schema.validate(document);
        assertThat(errors).isEmpty();

        JsonNode result = document.at("/runs/0/results/0");
        assertThat(result.get("ruleId").asText()).isEqualTo("lost-update");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("src/main/java/shop/Post%20Service.java");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(25);
        assertThat(result.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(9);
        assertThat(result.at("/relatedLocations/0/physicalLocation/region/startLine").asInt()).isEqualTo(23);
        assertThat(result.at("/partialFingerprints/ormrace~1v1").asText()).hasSize(32);
        assertThat(document.at("/runs/0/tool/driver/rules").findValuesAsText("id"))
                .containsExactly("lost-update", "racy-get-or-create", "unhandled-unique-violation", "lock-outside-transaction");
        assertThat(document.at("/runs/0/results/1/occurrenceCount").asInt()).isEqualTo(3);
        assertThat(document.at("/runs/0/tool/driver/rules/0/help/markdown").asText())
                .startsWith("# lost-update").contains("## What goes wrong");
    }

    @Test
    void aFindingWithNoApplicationFrameSaysSoInEveryFormatAndNamesNoFile() throws Exception {
        Finding nowhere = Finding.builder(Rule.LOST_UPDATE, Origin.RUNTIME)
                .message("owners.name is read, then written back")
                .at(SourceLocation.NO_APPLICATION_FRAME, "owners")
                .target("owners", List.of("name"))
                .build();
        Report report = new Report("0.1.0", List.of(nowhere), List.of());

        JsonNode sarif = new ObjectMapper().readTree(Format.SARIF.write(report));
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertThat(schema.validate(sarif)).isEmpty();
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation").isMissingNode()).isTrue();
        assertThat(sarif.at("/runs/0/results/0/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("owners");
        assertThat(new ObjectMapper().readTree(Format.JSON.write(report)).at("/findings/0/location").isNull()).isTrue();
        assertThat(JsonReportReader.read(Format.JSON.write(report)).findings()).isEqualTo(report.findings());
        assertThat(Format.TEXT.write(report)).startsWith("(no application frame on the stack): error: [lost-update]");
        String html = Format.HTML.write(report);
        assertThat(html).contains("(no application frame on the stack)").doesNotContain("<tr><td><code></code>");
    }

    @Test
    void aNoteOfTheRunStaysANoteInSarifAndNamesNoFileWhenItHasNone() throws Exception {
        Report report = new Report("0.1.0", List.of(), List.of(new Notice("note", "", 0, "2 statements could not be parsed")));

        JsonNode notification = new ObjectMapper().readTree(Format.SARIF.write(report))
                .at("/runs/0/invocations/0/toolExecutionNotifications/0");

        assertThat(notification.get("level").asText()).isEqualTo("note");
        assertThat(notification.get("locations")).isNull();
    }

    @Test
    void fingerprintsIgnoreLineShiftsButNotADifferentMethod() {
        Finding finding = report().findings().get(0);
        Finding shifted = Finding.builder(finding.rule(), finding.origin()).message(finding.message())
                .at(new SourceLocation(finding.location().path(), 40, 9), finding.anchor())
                .target(finding.target(), finding.columns()).build();
        Finding elsewhere = Finding.builder(finding.rule(), finding.origin()).message(finding.message())
                .at(finding.location(), "shop.PostService#unlike").target(finding.target(), finding.columns()).build();

        assertThat(shifted.fingerprint()).isEqualTo(finding.fingerprint());
        assertThat(elsewhere.fingerprint()).isNotEqualTo(finding.fingerprint());
    }

    @Test
    void jsonReadsBackIntoTheSameFindings() {
        Report report = report();

        Report read = JsonReportReader.read(Format.JSON.write(report));

        assertThat(read.findings()).isEqualTo(report.findings());
        assertThat(read.notices()).isEqualTo(report.notices());
        assertThat(read.toolVersion()).isEqualTo("0.1.0");
    }

    @Test
    void readingSomethingElseSaysWhatIsWrong() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonReportReader.read("{\"tool\": \"other\"}"))
                .hasMessage("not an ormrace JSON report");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonReportReader.read("{\"tool\": \"ormrace\", "))
                .hasMessageStartingWith("not valid JSON at character");
    }

    @Test
    void htmlIsOnePageWithEveryTextEscapedAndTheEvidenceLinesMarked() {
        List<String> source = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            source.add(i == 23 ? "        Post post = posts.findById(id).orElseThrow(); // \"<b>\"" : "        line(" + i + ");");
        }
        Report base = report();
        Report report = new Report(base.toolVersion(), base.findings(), base.notices(),
                path -> path.endsWith("Post Service.java") ? source : List.of());

        String html = Format.HTML.write(report);

        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("src=")
                .doesNotContain("http://").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&quot;&lt;b&gt;&quot;")
                .contains("<span class=\"line hit\"><span class=\"no\">23</span>")
                .contains("<span class=\"line hit\"><span class=\"no\">25</span>")
                .contains("<span class=\"line\"><span class=\"no\">20</span>")
                .doesNotContain("<span class=\"no\">19</span>")
                .contains("update Post p set p.likes = p.likes + 1 where p.id = :id")
                .contains("TagServiceTest#creates")
                .contains("seen 3 times");
        assertThat(html.indexOf("By rule")).isLessThan(html.indexOf("By file")).isLessThan(html.indexOf("id=\"f1\""));
    }

    @Test
    void jsonKeepsEveryStringIntactWhateverItHolds() throws Exception {
        JsonNode document = new ObjectMapper().readTree(Format.JSON.write(report()));

        assertThat(document.at("/findings/1/message").asText()).isEqualTo(HOSTILE);
        assertThat(document.at("/findings/1/tests/0/displayName").asText()).isEqualTo(HOSTILE);
        assertThat(document.at("/findings/1/evidence/0/sql").asText()).isEqualTo("select t.id from tag t where t.name = ?");
        assertThat(document.at("/findings/0/location/line").asInt()).isEqualTo(25);
        assertThat(document.at("/notices/0/message").asText()).endsWith(HOSTILE);
    }

    @Test
    void textIsJavacStyleWithTheEvidenceAndTheFixIndented() {
        String text = Format.TEXT.write(report());

        assertThat(text.lines().findFirst()).contains(
                "src/main/java/shop/Post Service.java:25:9: error: [lost-update] Post.likes is read, then written back by PostRepository.save(...)");
        assertThat(text).contains("    read: src/main/java/shop/Post Service.java:23:21 read by PostRepository.findById\n")
                .contains("    fix: let the database compute the new value\n        update Post p set p.likes = p.likes + 1 where p.id = :id\n")
                .contains("shop/TagService.java:19: error: [racy-get-or-create]")
                .contains("(seen 3 times)")
                .contains("src/Broken.java:3: error: cannot parse, skipped")
                .endsWith("2 findings (2 errors, 0 other)\n");
    }

    @Test
    void formatsAreChosenByNameOrByFileExtension() {
        assertThat(Format.forFile("target/ormrace/static.sarif")).contains(Format.SARIF);
        assertThat(Format.forFile("x.sarif.json")).contains(Format.SARIF);
        assertThat(Format.forFile("x.json")).contains(Format.JSON);
        assertThat(Format.forFile("x.txt")).contains(Format.TEXT);
        assertThat(Format.forFile("x.pdf")).isEmpty();
        assertThat(Format.byName("sarif")).contains(Format.SARIF);
        assertThat(Format.forFile("ormrace.html")).contains(Format.HTML);
    }
}
