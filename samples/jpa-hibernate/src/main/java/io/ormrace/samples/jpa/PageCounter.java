package io.ormrace.samples.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many times a page was viewed. No version column: concurrent writers are not detected. */
@Entity
@Table(name = "page_counter")
public class PageCounter {

    @Id
    @Column(length = 200)
    private String page;

    @Column(nullable = false)
    private long hits;

    protected PageCounter() {
    }

    public PageCounter(String page) {
        this.page = page;
    }

    public String getPage() {
        return page;
    }

    public long getHits() {
        return hits;
    }

    public void setHits(long hits) {
        this.hits = hits;
    }
}
