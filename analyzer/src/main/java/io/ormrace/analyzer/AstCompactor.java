package io.ormrace.analyzer;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.Type;
import io.ormrace.analyzer.code.NodeFields;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.Printer;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
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
 * objects, and a second list of its children beside the fields that hold them; on ten thousand files these decide
 * whether the analysis fits in a 1 GiB heap, and how much of its time the garbage collector takes. Tokens are dropped,
 * equal positions are shared by all files, the lists of children are dropped ({@code SyntaxTrees} searches through
 * the fields), and the empty lists are replaced by one list that refuses changes (the analysis never edits a tree).
 * Code is printed without looking for comments, which needed the lists of children. Where the JavaParser in use has
 * other fields, only the tokens are dropped.
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
    /** One empty list for every empty list of nodes (a call's type arguments, a method's annotations): a million of them. */
    private static final NodeList<Node> EMPTY_NODE_LIST;
    /** Prints code as it is, without looking for comments: a compacted tree has none, and no list of children. */
    private static final Printer PRINTER = new DefaultPrettyPrinter(new DefaultPrinterConfiguration()
            .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS))
            .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_JAVADOC)));
    private static final VarHandle ORPHAN_COMMENTS;
    private static final VarHandle OBSERVERS;
    private static final VarHandle CHILD_NODES;
    private static final Field LIST_OBSERVERS;
    private static final Field INNER_LIST;
    private static final VarHandle SIMPLE_NAME;
    private static final VarHandle NAME;

    static {
        VarHandle orphans = null;
        VarHandle observers = null;
        VarHandle children = null;
        Field listObservers = null;
        Field innerList = null;
        VarHandle simpleName = null;
        VarHandle name = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Node.class, MethodHandles.lookup());
            orphans = lookup.findVarHandle(Node.class, "orphanComments", ArrayList.class);
            observers = lookup.findVarHandle(Node.class, "observers", ArrayList.class);
            children = lookup.findVarHandle(Node.class, "childNodes", ArrayList.class);
            listObservers = NodeList.class.getDeclaredField("observers");
            listObservers.setAccessible(true);
            innerList = NodeList.class.getDeclaredField("innerList");
            innerList.setAccessible(true);
            simpleName = MethodHandles.privateLookupIn(SimpleName.class, MethodHandles.lookup())
                    .findVarHandle(SimpleName.class, "identifier", String.class);
            name = MethodHandles.privateLookupIn(Name.class, MethodHandles.lookup()).findVarHandle(Name.class, "identifier", String.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            orphans = null; // another JavaParser: the lists stay as they are
            observers = null;
            children = null;
            listObservers = null;
            innerList = null;
            simpleName = null;
            name = null;
        }
        NodeList<Node> emptyNodes = new NodeList<>();
        if (innerList != null) {
            try {
                innerList.set(emptyNodes, EMPTY);
                listObservers.set(emptyNodes, EMPTY);
            } catch (IllegalAccessException e) {
                innerList = null;
            }
        }
        EMPTY_NODE_LIST = emptyNodes;
        ORPHAN_COMMENTS = orphans;
        OBSERVERS = observers;
        CHILD_NODES = children;
        LIST_OBSERVERS = listObservers;
        INNER_LIST = innerList;
        SIMPLE_NAME = simpleName;
        NAME = name;
    }

    private AstCompactor() {
    }

    /**
     * What the files of one analysis share: positions (line 12, column 5 is the same object in every file; files have
     * as many distinct positions as nodes, a whole tree far fewer) and names ({@code id} is one node wherever it is
     * written, {@code org.springframework.stereotype.Service} one chain of names in every file that imports it). A
     * shared name's parent is the first node it was read in: nothing asks a name for its parent.
     */
    static final class Shared {
        private final Map<String, SimpleName> simpleNames = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Name> names = new java.util.concurrent.ConcurrentHashMap<>();

        private static final int LINES = 8192;
        private static final int COLUMNS = 256;
        /**
         * Read and written without locks: a position's fields are final, so a thread sees either nothing or a whole
         * position, and two threads that store equal positions at once only share a little less.
         */
        private final Position[] table = new Position[LINES * COLUMNS];

        Position share(Position position, Map<Position, Position> inFile) {
            if (position.line < 0 || position.line >= LINES || position.column < 0 || position.column >= COLUMNS) {
                return inFile.computeIfAbsent(position, p -> p);
            }
            int slot = position.line * COLUMNS + position.column;
            Position shared = table[slot];
            if (shared != null) {
                return shared;
            }
            table[slot] = position;
            return position;
        }
    }

    static void compact(CompilationUnit unit, Shared shared) {
        unit.printer(PRINTER);
        Map<Position, Position> positions = new HashMap<>();
        java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
        pending.push(unit);
        while (!pending.isEmpty()) { // not Node.walk: it copies every node's child list to iterate it
            Node node = pending.pop();
            List<Node> children = node.getChildNodes();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
            Range range = unplaced(node) ? null : node.getRange().orElse(null);
            node.setTokenRange(null);
            shareIdentifier(node);
            if (range != null) {
                node.setRange(new Range(shared.share(range.begin, positions), shared.share(range.end, positions)));
            }
            shareEmptyLists(node);
            shareNames(node, shared);
        }
    }

    /** Points the node's name fields at the analysis's one node for each name. */
    private static void shareNames(Node node, Shared shared) {
        try {
            for (Field field : NAME_FIELDS.get(node.getClass())) {
                Object value = field.get(node);
                Node canonical = null;
                // get before putIfAbsent: most names are there already, and putIfAbsent locks even then
                if (value instanceof SimpleName simple) {
                    canonical = shared.simpleNames.get(simple.getIdentifier());
                    if (canonical == null) {
                        canonical = shared.simpleNames.putIfAbsent(simple.getIdentifier(), simple);
                    }
                } else if (value instanceof Name name) {
                    String text = name.asString();
                    canonical = shared.names.get(text);
                    if (canonical == null) {
                        canonical = shared.names.putIfAbsent(text, name);
                    }
                }
                if (canonical != null && canonical != value) {
                    field.set(node, canonical);
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            // left as it is
        }
    }

    /** Per node class, its fields that hold a name. */
    private static final NodeFields NAME_FIELDS =
            new NodeFields(fieldType -> fieldType == SimpleName.class || fieldType == Name.class);

    /**
     * Nodes no finding, evidence or notice is ever placed at: names, modifiers and types are reported through the
     * expression, statement or declaration they are part of. Their ranges are most of a tree's positions.
     */
    private static boolean unplaced(Node node) {
        return node instanceof SimpleName || node instanceof Name || node instanceof Modifier || node instanceof Type;
    }

    /** One string per identifier ({@code id}, {@code String}, {@code save}) for all files, instead of one per use. */
    private static void shareIdentifier(Node node) {
        if (SIMPLE_NAME != null && node instanceof SimpleName simple) {
            SIMPLE_NAME.set(simple, simple.getIdentifier().intern());
        } else if (NAME != null && node instanceof Name name) {
            NAME.set(name, name.getIdentifier().intern());
        }
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
        // the children are found through the fields that hold them (SyntaxTrees), not through this second list
        CHILD_NODES.set(node, EMPTY);
        try {
            for (Field field : NODE_LISTS.get(node.getClass())) {
                Object list = field.get(node);
                if (list == null || list == EMPTY_NODE_LIST) {
                    continue;
                }
                if (((List<?>) LIST_OBSERVERS.get(list)).isEmpty()) {
                    LIST_OBSERVERS.set(list, EMPTY);
                }
                Object inner = INNER_LIST.get(list);
                if (inner instanceof ArrayList<?> elements) {
                    if (elements.isEmpty()) {
                        field.set(node, EMPTY_NODE_LIST);
                    } else {
                        elements.trimToSize();
                    }
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            // left as it is
        }
    }

    /** Per node class, its fields that hold a NodeList (a method's parameters, a block's statements). */
    private static final NodeFields NODE_LISTS = new NodeFields(fieldType -> fieldType == NodeList.class);
}
