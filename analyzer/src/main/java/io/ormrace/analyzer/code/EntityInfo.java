package io.ormrace.analyzer.code;

import io.ormrace.analyzer.schema.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JPA entity: its table, its attributes' columns, and whether its updates carry a version check ({@code @Version},
 * direct or inherited, or Hibernate's {@code @OptimisticLocking(DIRTY|ALL)}).
 */
public record EntityInfo(String name, String table, Map<String, String> columns, List<String> idColumns, boolean versioned,
        Map<String, String> javaTypes, java.util.Set<String> collections, boolean relational) {

    public EntityInfo(String name, String table, Map<String, String> columns, List<String> idColumns, boolean versioned) {
        this(name, table, columns, idColumns, versioned, Map.of(), java.util.Set.of(), false);
    }

    /** A one-to-many, many-to-many or element collection: rows of another table, not a column of this one. */
    public boolean isCollection(String attribute) {
        return collections.contains(attribute);
    }

    /** Whether the attribute's Java type is a number, as far as its declaration says. */
    public boolean isNumeric(String attribute) {
        String type = javaTypes.get(attribute);
        return type == null || java.util.Set.of("int", "long", "short", "byte", "double", "float", "Integer", "Long",
                "Short", "Byte", "Double", "Float", "BigDecimal", "BigInteger", "Number", "AtomicInteger", "AtomicLong")
                .contains(type);
    }

    public String column(String attribute) {
        String mapped = columns.get(attribute);
        return mapped != null ? mapped : Names.snake(attribute);
    }

    /**
     * The column of this entity's table a derived query's property path stands for: an attribute, or the join column
     * of {@code userId}/{@code user.id}. Empty for a path into another entity or an embedded value
     * ({@code addressZipCode}): no column of this table, so no key of it can cover the lookup.
     */
    public Optional<String> pathColumn(String path) {
        if (columns.containsKey(path)) {
            return Optional.of(columns.get(path));
        }
        for (Map.Entry<String, String> attribute : columns.entrySet()) {
            String name = attribute.getKey();
            if (path.length() > name.length() && path.startsWith(name)) {
                String rest = path.substring(name.length());
                boolean separated = rest.startsWith(".") || Character.isUpperCase(rest.charAt(0));
                if (separated) {
                    return rest.equals("Id") || rest.equals(".id") ? Optional.of(attribute.getValue()) : Optional.empty();
                }
            }
        }
        return path.contains(".") ? Optional.empty() : Optional.of(Names.snake(path));
    }
}
