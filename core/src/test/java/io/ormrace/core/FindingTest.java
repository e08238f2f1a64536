package io.ormrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

    private static Finding likeRace(int line) {
        return Finding.builder(Rule.LOST_UPDATE, Origin.STATIC)
                .message("Post.likes is read, incremented and saved without a lock")
                .at(new SourceLocation("src/main/java/shop/PostService.java", line, 9), "shop.PostService#like")
                .target("Post", List.of("likes"))
                .evidence(Evidence.at(Evidence.Kind.READ,
                        new SourceLocation("src/main/java/shop/PostService.java", line - 1, 21), "read by findById"))
                .fix("update atomically", "update Post p set p.likes = p.likes + 1 where p.id = :id")
                .build();
    }

    @Test
    void fingerprintSurvivesLineShiftsButNotAChangeOfColumns() {
        Finding original = likeRace(20);
        Finding shifted = likeRace(35);
        Finding otherColumn = Finding.builder(Rule.LOST_UPDATE, Origin.STATIC)
                .message(original.message())
                .at(original.location(), original.anchor())
                .target("Post", List.of("views"))
                .build();

        assertThat(shifted.fingerprint()).isEqualTo(original.fingerprint()).hasSize(32);
        assertThat(otherColumn.fingerprint()).isNotEqualTo(original.fingerprint());
    }

    @Test
    void severityDefaultsToTheRulesAndOrdersForFailOn() {
        Finding finding = likeRace(20);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(Severity.ERROR.isAtLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.NOTE.isAtLeast(Severity.WARNING)).isFalse();
    }

    @Test
    void seeingTheSameSequenceAgainCountsItAndRemembersEachTestOnce() {
        TestCase first = new TestCase("shop.PostServiceTest", "likes", "likes()");
        TestCase second = new TestCase("shop.PostServiceTest", "likesTwice", "likesTwice()");

        Finding seen = likeRace(20).seenAgain(1, first).seenAgain(2, second).seenAgain(1, first);

        assertThat(seen.count()).isEqualTo(5);
        assertThat(seen.tests()).containsExactly(first, second);
    }

    @Test
    void ruleIdsAreThePublicContract() {
        assertThat(Rule.values()).extracting(Rule::id).containsExactly(
                "lost-update", "racy-get-or-create", "unhandled-unique-violation", "lock-outside-transaction");
        assertThat(Rule.byId("racy-get-or-create")).contains(Rule.RACY_GET_OR_CREATE);
        assertThat(Rule.byId("no-such-rule")).isEmpty();
        assertThat(Rule.LOST_UPDATE.docPath()).isEqualTo("docs/rules/lost-update.md");
    }

    @Test
    void aFindingWithoutItsEssentialsIsRefused() {
        assertThatThrownBy(() -> Finding.builder(Rule.LOST_UPDATE, Origin.RUNTIME).target("counter", List.of()).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> new SourceLocation("A.java", 0, 0))
                .hasMessageContaining("line must be 1 or more");
    }
}
