package io.ormrace.analyzer.code;

import io.ormrace.analyzer.schema.Names;
import java.util.List;
import java.util.Map;

/**
 * A JPA entity: its table, its attributes' columns, and whether its updates carry a version check ({@code @Version},
 * direct or inherited, or Hibernate's {@code @OptimisticLocking(DIRTY|ALL)}).
 */
public record EntityInfo(String name, String table, Map<String, String> columns, List<String> idColumns, boolean versioned) {

    public String column(String attribute) {
        String mapped = columns.get(attribute);
        return mapped != null ? mapped : Names.snake(attribute);
    }
}
