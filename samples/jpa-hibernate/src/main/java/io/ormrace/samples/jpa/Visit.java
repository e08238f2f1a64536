package io.ormrace.samples.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One visit of a pet: many per pet, so its pet_id is rightly not unique. */
@Entity
@Table(name = "visit")
public class Visit {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne
    @JoinColumn(name = "pet_id", nullable = false)
    private Pet pet;

    @Column(length = 200)
    private String reason;

    protected Visit() {
    }

    public Visit(String id, Pet pet, String reason) {
        this.id = id;
        this.pet = pet;
        this.reason = reason;
    }
}
