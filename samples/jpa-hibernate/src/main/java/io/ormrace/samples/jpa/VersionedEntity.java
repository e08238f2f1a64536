package io.ormrace.samples.jpa;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** Every entity that extends this one is updated with a version check: {@code ... where version = ?}. */
@MappedSuperclass
public abstract class VersionedEntity {

    @Version
    private long version;

    public long getVersion() {
        return version;
    }
}
