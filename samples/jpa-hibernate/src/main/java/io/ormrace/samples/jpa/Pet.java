package io.ormrace.samples.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A pet and its visits: a parent and a one-to-many collection, loaded lazily by the pet's key. */
@Entity
@Table(name = "pet")
public class Pet {

    @Id
    @Column(length = 36)
    private String id;

    @OneToMany(mappedBy = "pet")
    private List<Visit> visits = new ArrayList<>();

    protected Pet() {
    }

    public Pet(String id) {
        this.id = id;
    }

    public List<Visit> getVisits() {
        return visits;
    }
}
