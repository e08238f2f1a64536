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
    /** The guarded stretches this point is in, outermost first. */
    final List<Guard> regions;
    final List<Lookup> emptyLookups;
    /** Lookups whose finding a row made the code throw: a uniqueness check with a domain error. */
    final List<Lookup> rejectedWhenFound;
    boolean savepoint;

    Flow() {
        this(new LinkedHashSet<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), false);
    }

    private Flow(Set<Value.ColumnRef> guards, List<Guard> regions, List<Lookup> emptyLookups, List<Lookup> rejectedWhenFound,
            boolean savepoint) {
        this.guards = guards;
        this.regions = regions;
        this.emptyLookups = emptyLookups;
        this.rejectedWhenFound = rejectedWhenFound;
        this.savepoint = savepoint;
    }

    Flow copy() {
        return new Flow(guards.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(guards), copy(regions),
                copy(emptyLookups), copy(rejectedWhenFound), savepoint);
    }

    /** A copy of a list that is mostly empty: copying an empty list still made an array. */
    private static <T> List<T> copy(List<T> list) {
        return list.isEmpty() ? new ArrayList<>() : new ArrayList<>(list);
    }

    /** The innermost guard on this column, or null. */
    Guard guardOn(Value.ColumnRef column) {
        for (int i = regions.size() - 1; i >= 0; i--) {
            if (regions.get(i).columns.contains(column)) {
                return regions.get(i);
            }
        }
        return null;
    }

    void effect(Guard.Effect effect) {
        regions.forEach(region -> region.effects.add(effect));
    }

    Flow withEmpty(Lookup lookup) {
        Flow copy = copy();
        if (lookup != null) {
            copy.emptyLookups.add(lookup);
        }
        return copy;
    }
}
