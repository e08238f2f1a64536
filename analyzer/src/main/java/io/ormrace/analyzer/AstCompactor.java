package io.ormrace.analyzer;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a parsed file to what the analysis reads, keeping every node and its position. A JavaParser node carries
 * its token list (most of a tree's memory), its own empty lists of orphan comments and observers, and its own range
 * objects; on ten thousand files these decide whether the analysis fits in a 1 GiB heap. Tokens are dropped, equal
 * positions and ranges of one file are shared, and the empty lists are replaced by one list that refuses changes
 * (the analysis never edits a tree). Where the JavaParser in use has other fields, only the tokens are dropped.
 */
final class AstCompactor {

    /** An empty list that stays empty: a change to it is a bug of ours, and fails instead of reaching every node. */
    private static final class Frozen<T> extends ArrayList<T> {
        Frozen() {
            super(0);
        }

        @Override
        public boolean add(T element) {
            throw new UnsupportedOperationException("a compacted syntax tree is not changed");
        }

        @Override
        public void add(int index, T element) {
            throw new UnsupportedOperationException("a compacted syntax tree is not changed");
        }

        @Override
        public boolean addAll(Collection<? extends T> elements) {
            throw new UnsupportedOperationException("a compacted syntax tree is not changed");
        }

        @Override
        public boolean addAll(int index, Collection<? extends T> elements) {
            throw new UnsupportedOperationException("a compacted syntax tree is not changed");
        }
    }

    private static final Frozen<Object> EMPTY = new Frozen<>();
    private static final VarHandle ORPHAN_COMMENTS;
    private static final VarHandle OBSERVERS;
    private static final Field LIST_OBSERVERS;

    static {
        VarHandle orphans = null;
        VarHandle observers = null;
        Field listObservers = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Node.class, MethodHandles.lookup());
            orphans = lookup.findVarHandle(Node.class, "orphanComments", ArrayList.class);
            observers = lookup.findVarHandle(Node.class, "observers", ArrayList.class);
            listObservers = NodeList.class.getDeclaredField("observers");
            listObservers.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            orphans = null; // another JavaParser: the lists stay as they are
            observers = null;
            listObservers = null;
        }
        ORPHAN_COMMENTS = orphans;
        OBSERVERS = observers;
        LIST_OBSERVERS = listObservers;
    }

    private AstCompactor() {
    }

    static void compact(CompilationUnit unit) {
        Map<Position, Position> positions = new HashMap<>();
        Map<Range, Range> ranges = new HashMap<>();
        unit.walk(node -> {
            Range range = node.getRange().orElse(null);
            node.setTokenRange(null);
            if (range != null) {
                Range shared = ranges.computeIfAbsent(range, r -> new Range(
                        positions.computeIfAbsent(r.begin, p -> p), positions.computeIfAbsent(r.end, p -> p)));
                node.setRange(shared);
            } else {
                node.setRange(null);
            }
            shareEmptyLists(node);
        });
    }

    private static void shareEmptyLists(Node node) {
        if (ORPHAN_COMMENTS == null) {
            return;
        }
        if (((List<?>) ORPHAN_COMMENTS.get(node)).isEmpty()) {
            ORPHAN_COMMENTS.set(node, EMPTY);
        }
        if (((List<?>) OBSERVERS.get(node)).isEmpty()) {
            OBSERVERS.set(node, EMPTY);
        }
        try {
            for (Field field : NODE_LISTS.get(node.getClass())) {
                Object list = field.get(node);
                if (list != null && ((List<?>) LIST_OBSERVERS.get(list)).isEmpty()) {
                    LIST_OBSERVERS.set(list, EMPTY);
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            // left as it is
        }
    }

    /** Per node class, its fields that hold a NodeList (a method's parameters, a block's statements). */
    private static final ClassValue<List<Field>> NODE_LISTS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
                for (Field field : current.getDeclaredFields()) {
                    if (field.getType() == NodeList.class && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                        try {
                            field.setAccessible(true);
                            fields.add(field);
                        } catch (RuntimeException e) {
                            // not opened to us: that list keeps its own empty list
                        }
                    }
                }
            }
            return fields;
        }
    };
}
