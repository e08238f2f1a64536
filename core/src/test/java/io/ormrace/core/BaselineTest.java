package io.ormrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static Finding finding(String anchor, int line) {
        return Finding.builder(Rule.LOST_UPDATE, Origin.STATIC).message("m")
                .at(new SourceLocation("src/main/java/shop/PostService.java", line, 9), anchor)
                .target("Post", List.of("likes")).build();
    }

    @Test
    void onlyFindingsMissingFromTheBaselineAreNewEvenWhenLinesMoved(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ormrace-baseline.txt");
        Baseline.write(file, List.of(finding("shop.PostService#like", 25)));

        Baseline baseline = Baseline.read(file);
        Baseline.Split split = baseline.split(List.of(finding("shop.PostService#like", 31), finding("shop.PostService#view", 40)));

        assertThat(baseline.size()).isEqualTo(1);
        assertThat(split.baselined()).extracting(Finding::anchor).containsExactly("shop.PostService#like");
        assertThat(split.fresh()).extracting(Finding::anchor).containsExactly("shop.PostService#view");
    }

    @Test
    void aBaselineWrittenBeforeStatementsWereFingerprintedStillMatches(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ormrace-baseline.txt");
        Baseline.write(file, List.of(finding("shop.PostService#like", 25)));
        Finding now = finding("shop.PostService#like", 25).withStatement("posts.save(post)");
        Finding other = finding("shop.PostService#like", 27).withStatement("posts.saveAndFlush(post)");

        Baseline.Split split = Baseline.read(file).split(List.of(now, other));

        assertThat(now.fingerprint()).isNotEqualTo(other.fingerprint());
        assertThat(split.baselined()).containsExactly(now, other);
        assertThat(split.fresh()).isEmpty();
    }
}
