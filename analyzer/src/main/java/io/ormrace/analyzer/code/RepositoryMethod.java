package io.ormrace.analyzer.code;

import java.util.List;
import java.util.Optional;

/**
 * A method of a Spring Data repository interface, as far as races are concerned.
 *
 * @param lookupColumns  the attributes a derived query or a JPQL/SQL query selects on by equality
 * @param lockMode       the {@code @Lock} mode, or the lock a native query takes with {@code for update}
 * @param modifying      a {@code @Modifying} update or delete: atomic in the database
 * @param returnType     the simple name of what it returns: Optional, List, the entity...
 */
public record RepositoryMethod(String name, Kind kind, List<String> lookupColumns, Optional<String> lockMode,
        boolean modifying, Optional<String> query, boolean nativeQuery, String returnType) {

    public enum Kind {
        /** returns the entity, an Optional of it, or a collection of them */
        FIND,
        EXISTS,
        COUNT,
        /** a {@code @Modifying} query */
        UPDATE,
        OTHER
    }

    public boolean isPessimisticLock() {
        return lockMode.filter(mode -> mode.startsWith("PESSIMISTIC")).isPresent();
    }
}
