package io.ormrace.samples.shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PostService {

    private final PostRepository posts;

    public PostService(PostRepository posts) {
        this.posts = posts;
    }

    @Transactional
    public long publish(String title) {
        return posts.save(new Post(title)).getId();
    }

    /** Read, add one in Java, save: two concurrent likes can count as one. */
    @Transactional
    public int like(long postId) {
        Post post = posts.findById(postId).orElseThrow(); // ormrace-runtime: lost-update
        post.setLikes(post.getLikes() + 1);
        posts.save(post); // ormrace: lost-update
        return post.getLikes();
    }

    /** The database adds one; nothing is read, so nothing can be stale. */
    @Transactional
    public void likeAtomically(long postId) {
        posts.incrementLikes(postId);
    }

    /** The row is locked from the read to the commit; a concurrent like waits, then adds to this one. */
    @Transactional
    public int likeLocked(long postId) {
        Post post = posts.findByIdForUpdate(postId).orElseThrow();
        post.setLikes(post.getLikes() + 1);
        return post.getLikes();
    }

    @Transactional(readOnly = true)
    public int likes(long postId) {
        return posts.findById(postId).orElseThrow().getLikes();
    }
}
