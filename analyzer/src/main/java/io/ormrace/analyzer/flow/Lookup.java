package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import java.util.List;

/** A query for rows by equality on some columns, whose result may be empty: the first half of get-or-create. */
public record Lookup(String table, List<String> columns, Node at, String description, TxScope scope) {

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
