package io.ormrace.analyzer.flow;

import io.ormrace.analyzer.schema.Names;
import java.util.Map;
import java.util.function.Function;

/**
 * An update that only applies while the row is as it was read: its where clause compares a {@code version} column,
 * or any column with the value read from it ({@code where id = ? and update_time = ?} bound to the
 * {@code getUpdateTime()} read before). A concurrent change makes it match no row, so nothing is lost silently.
 */
final class CompareAndSet {

    private CompareAndSet() {
    }

    static boolean guards(Sql sql, Function<Integer, Value> positional, Function<String, Value> named) {
        if (sql.whereColumns().stream().anyMatch(c -> c.equalsIgnoreCase("version"))) {
            return true;
        }
        for (Map.Entry<String, Integer> compared : sql.whereFromParameter().entrySet()) {
            if (readFrom(positional.apply(compared.getValue()), compared.getKey())) {
                return true;
            }
        }
        for (Map.Entry<String, String> compared : sql.whereFromNamedParameter().entrySet()) {
            if (readFrom(named.apply(compared.getValue()), compared.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static boolean readFrom(Value value, String column) {
        return value instanceof Value.Scalar scalar && scalar.copy()
                && scalar.sources().stream().anyMatch(source -> source.column().equals(Names.key(column)));
    }
}
