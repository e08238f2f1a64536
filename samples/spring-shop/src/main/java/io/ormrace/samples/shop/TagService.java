package io.ormrace.samples.shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TagService {

    private final TagRepository tags;

    public TagService(TagRepository tags) {
        this.tags = tags;
    }

    /** Get-or-create on a column with no unique constraint: concurrent callers each create the tag. */
    @Transactional
    public Tag findOrCreate(String name) {
        return tags.findByName(name) // ormrace-runtime: racy-get-or-create
                .orElseGet(() -> tags.save(new Tag(name))); // ormrace: racy-get-or-create
    }

    @Transactional(readOnly = true)
    public long count(String name) {
        return tags.countByName(name);
    }
}
