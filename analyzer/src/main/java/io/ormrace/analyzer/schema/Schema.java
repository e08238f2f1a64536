package io.ormrace.analyzer.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every table the analyzed project declares, from JPA annotations and from SQL DDL together. */
public final class Schema {

    private final Map<String, Table> tables = new LinkedHashMap<>();

    public synchronized Table table(String name) {
        return tables.computeIfAbsent(Names.key(name), key -> new Table(name));
    }

    public synchronized void addUnique(String table, List<String> columns, String declaredIn) {
        table(table).addUnique(columns, declaredIn);
    }

    public synchronized Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(Names.key(name)));
    }

    /**
     * The unique key that makes two rows with the same values in {@code columns} impossible: one whose columns are
     * all among them. Empty when duplicates can be stored.
     */
    public synchronized Optional<Table.UniqueKey> uniqueKeyCovering(String table, Collection<String> columns) {
        Set<String> looked = columns.stream().map(Names::key).collect(Collectors.toSet());
        return find(table).flatMap(t -> t.uniqueKeys().stream()
                .filter(key -> looked.containsAll(key.columns()))
                .findFirst());
    }

    public synchronized Collection<Table> tables() {
        return List.copyOf(tables.values());
    }
}
