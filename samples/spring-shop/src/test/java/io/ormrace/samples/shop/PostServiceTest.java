package io.ormrace.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.samples.testkit.Breakpoint;
import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.Race;
import io.ormrace.samples.testkit.Sql;
import io.ormrace.samples.testkit.TestDatabase;
import java.util.concurrent.Future;

class PostServiceTest {

    @EveryDatabase
    void readIncrementSaveLosesALike(TestDatabase db) {
        PostService posts = Shop.bean(db, PostService.class);
        long post = posts.publish("Lost updates, explained");

        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the read of the post", Sql.selectFrom("post"))) {
            Future<Integer> first = race.start(() -> posts.like(post));
            afterRead.awaitReached();
            assertThat(Race.outcome(race.start(() -> posts.like(post)))).isEqualTo(1);
            afterRead.release();
            assertThat(Race.outcome(first)).as("the first like saved its stale read plus one").isEqualTo(1);
        }
        assertThat(posts.likes(post)).as("two likes, one counted").isEqualTo(1);
    }

    @EveryDatabase
    void lockAnnotationMakesTheSecondLikeWaitAndCountOnTop(TestDatabase db) {
        PostService posts = Shop.bean(db, PostService.class);
        long post = posts.publish("Pessimistic locking");

        try (Race race = new Race(); Breakpoint afterRead = db.pauseAfter("the locked read of the post", Sql.selectFrom("post"))) {
            Future<Integer> first = race.start(() -> posts.likeLocked(post));
            afterRead.awaitReached();
            Future<Integer> second = race.start(() -> posts.likeLocked(post));
            db.awaitLockWait();
            assertThat(second).isNotDone();
            afterRead.release();
            assertThat(Race.outcome(first)).isEqualTo(1);
            assertThat(Race.outcome(second)).as("the second like saw the first one's write").isEqualTo(2);
        }
        assertThat(posts.likes(post)).isEqualTo(2);
    }

    @EveryDatabase
    void modifyingQueryCountsEveryLike(TestDatabase db) {
        PostService posts = Shop.bean(db, PostService.class);
        long post = posts.publish("Atomic updates");

        try (Race race = new Race(); Breakpoint afterUpdate = db.pauseAfter("the increment", Sql.update("post"))) {
            Future<Void> first = race.start(() -> posts.likeAtomically(post));
            afterUpdate.awaitReached();
            Future<Void> second = race.start(() -> posts.likeAtomically(post));
            db.awaitLockWait();
            afterUpdate.release();
            Race.outcome(first);
            Race.outcome(second);
        }
        assertThat(posts.likes(post)).isEqualTo(2);
    }
}
