package io.ormrace.analyzer.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What holds at a point of a method, scoped to blocks: the columns the code is guarded by, the lookups known to have
 * come back empty, and whether a savepoint is set.
 */
final class Flow {

    final Set<Value.ColumnRef> guards;
    final List<Lookup> emptyLookups;
    boolean savepoint;

    Flow() {
        this(new LinkedHashSet<>(), new ArrayList<>(), false);
    }

    private Flow(Set<Value.ColumnRef> guards, List<Lookup> emptyLookups, boolean savepoint) {
        this.guards = guards;
        this.emptyLookups = emptyLookups;
        this.savepoint = savepoint;
    }

    Flow copy() {
        return new Flow(new LinkedHashSet<>(guards), new ArrayList<>(emptyLookups), savepoint);
    }

    Flow withEmpty(Lookup lookup) {
        Flow copy = copy();
        if (lookup != null) {
            copy.emptyLookups.add(lookup);
        }
        return copy;
    }
}
