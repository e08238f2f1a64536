package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import java.util.List;

/** A query for rows by equality on some columns, whose result may be empty: the first half of get-or-create. */
/** @param frame  the method the lookup is made in, on the walk's call path */
public record Lookup(String table, List<String> columns, Node at, String description, TxScope scope, Frame frame) {

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
