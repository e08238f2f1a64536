package io.ormrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

    private static final List<String> SOURCE = """
            package shop;

            @Service
            public class PostService {

                @Transactional
                public void like(long id) {
                    Post post = posts.findById(id).orElseThrow();
                    post.setLikes(post.getLikes() + 1); // ormrace:ignore lost-update -- counted approximately
                }

                @SuppressWarnings({"unchecked", "ormrace:lost-update"})
                @Transactional
                public void view(long id) {
                    String text = "}{ not a brace // nor a comment";
                    Post post = posts.findById(id).orElseThrow();
                    tx.execute(status -> {
                        post.setViews(post.getViews() + 1);
                        return null;
                    });
                }

                @Transactional
                public void share(long id) {
                    Post post = posts.findById(id).orElseThrow();
                    post.setShares(post.getShares() + 1); // ormrace:ignore racy-get-or-create
                }
            }

            @SuppressWarnings("ormrace")
            @Table(uniqueConstraints = {@UniqueConstraint(columnNames = "name")})
            class TagService {
                /* { */
                void findOrCreate(String name) {
                    tags.save(new Tag(name));
                }
            }
            """.lines().toList();

    private static boolean suppressed(Rule rule, String lineText) {
        int line = SOURCE.indexOf(SOURCE.stream().filter(l -> l.contains(lineText)).findFirst().orElseThrow()) + 1;
        return Suppressions.suppressed(rule, SOURCE, line);
    }

    @Test
    void aLineCommentSuppressesTheRulesItNames() {
        assertThat(suppressed(Rule.LOST_UPDATE, "post.getLikes() + 1")).isTrue();
        assertThat(suppressed(Rule.RACY_GET_OR_CREATE, "post.getLikes() + 1")).isFalse();
        assertThat(suppressed(Rule.LOST_UPDATE, "post.getShares() + 1")).isFalse();
        assertThat(suppressed(Rule.RACY_GET_OR_CREATE, "post.getShares() + 1")).isTrue();
    }

    @Test
    void suppressWarningsCoversTheMethodBodyIncludingLambdasAndNothingElse() {
        assertThat(suppressed(Rule.LOST_UPDATE, "post.getViews() + 1")).isTrue();
        assertThat(suppressed(Rule.LOST_UPDATE, "String text =")).isTrue();
        assertThat(suppressed(Rule.RACY_GET_OR_CREATE, "post.getViews() + 1")).isFalse();
        assertThat(suppressed(Rule.LOST_UPDATE, "public void share")).isFalse();
        assertThat(suppressed(Rule.LOST_UPDATE, "public void like")).isFalse();
    }

    @Test
    void plainOrmraceOnAClassSuppressesEveryRuleInside() {
        assertThat(suppressed(Rule.RACY_GET_OR_CREATE, "tags.save")).isTrue();
        assertThat(suppressed(Rule.UNHANDLED_UNIQUE_VIOLATION, "tags.save")).isTrue();
    }

    @Test
    void findingsAreLookedUpInTheirFile() {
        Finding finding = Finding.builder(Rule.LOST_UPDATE, Origin.RUNTIME).message("m")
                .at(SourceLocation.lineOnly("shop/PostService.java", 9), "shop.PostService#like")
                .target("post", List.of("likes")).build();
        Finding elsewhere = Finding.builder(Rule.LOST_UPDATE, Origin.RUNTIME).message("m")
                .at(SourceLocation.lineOnly("shop/Other.java", 9), "shop.Other#like")
                .target("post", List.of("likes")).build();
        Suppressions suppressions = new Suppressions(path -> path.equals("shop/PostService.java") ? SOURCE : List.of());

        assertThat(suppressions.unsuppressed(List.of(finding, elsewhere))).containsExactly(elsewhere);
    }
}
