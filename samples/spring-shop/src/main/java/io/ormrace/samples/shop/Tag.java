package io.ormrace.samples.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A label on products, looked up by name. The name carries no unique constraint. */
@Entity
public class Tag {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    protected Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
