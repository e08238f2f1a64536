package io.ormrace.analyzer.schema;

import java.util.List;
import java.util.Optional;

/**
 * What one DDL statement declares about unique keys.
 *
 * @param createdTable the table the statement creates, if it creates one (even one without keys)
 * @param keys         the unique keys it declares, primary keys included
 */
record StatementKeys(Optional<String> createdTable, List<Key> keys) {

    static final StatementKeys NONE = new StatementKeys(Optional.empty(), List.of());

    /** Columns of {@code table} no two rows may share. */
    record Key(String table, List<String> columns) {
    }

    StatementKeys {
        keys = List.copyOf(keys);
    }
}
