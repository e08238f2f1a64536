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
     * all among them, or among them and a soft-delete column ({@code unique (code, deleted_at)}: every live row has
     * the same {@code deleted_at}, so live rows are unique by code). Empty when duplicates can be stored.
     */
    public synchronized Optional<Table.UniqueKey> uniqueKeyCovering(String table, Collection<String> columns) {
        Set<String> looked = columns.stream().map(Names::key).collect(Collectors.toSet());
        return find(table).flatMap(t -> t.uniqueKeys().stream()
                .filter(key -> key.columns().stream().anyMatch(looked::contains) && key.columns().stream()
                        .allMatch(column -> looked.contains(column) || SOFT_DELETE.matcher(column).matches()))
                .findFirst());
    }

    /** deleted, is_deleted, del_flag, deleted_at, delete_time, removed_on...: a column a soft delete sets. */
    private static final java.util.regex.Pattern SOFT_DELETE = java.util.regex.Pattern.compile(
            "(is)?(del|delete|deleted|removed)(flag|at|time|on|date|token|ts|timestamp|stamp)?");

    public synchronized Collection<Table> tables() {
        return List.copyOf(tables.values());
    }
}
