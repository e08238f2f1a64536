package io.ormrace.analyzer.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A table as the schema sources describe it: its name, and the column sets that are unique (primary key included). */
public final class Table {

    private final String name;
    private final List<UniqueKey> uniqueKeys = new ArrayList<>();

    /** A set of columns no two rows may share, and where the schema says so. */
    public record UniqueKey(Set<String> columns, String declaredIn) {
    }

    Table(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public List<UniqueKey> uniqueKeys() {
        return List.copyOf(uniqueKeys);
    }

    void addUnique(List<String> columns, String declaredIn) {
        if (columns.isEmpty()) {
            return;
        }
        Set<String> keys = columns.stream().map(Names::key).collect(Collectors.toCollection(LinkedHashSet::new));
        if (uniqueKeys.stream().noneMatch(existing -> existing.columns().equals(keys))) {
            uniqueKeys.add(new UniqueKey(keys, declaredIn));
        }
    }
}
