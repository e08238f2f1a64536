package io.ormrace.analyzer.code;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The nodes under a node, found through the fields that hold them. A compacted tree keeps no list of each node's
 * children ({@code Node.getChildNodes()} is empty: the lists were a fifth of a large code base's heap), so
 * JavaParser's {@code findAll} and {@code walk} see nothing below the node they start at; these methods do the same
 * searches, in source order.
 */
public final class SyntaxTrees {

    private SyntaxTrees() {
    }

    /** The node and the nodes under it, in source order, that are of {@code type}. */
    public static <T extends Node> List<T> findAll(Node root, Class<T> type) {
        return findAll(root, type, node -> true);
    }

    public static <T extends Node> List<T> findAll(Node root, Class<T> type, Predicate<? super T> test) {
        List<T> found = new ArrayList<>();
        forEach(root, type, node -> {
            if (test.test(node)) {
                found.add(node);
            }
        });
        return found;
    }

    /** Visits the node and the nodes under it of {@code type}, in source order (a node before those inside it). */
    public static <T extends Node> void forEach(Node root, Class<T> type, Consumer<? super T> action) {
        ArrayDeque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        List<Node> children = new ArrayList<>();
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (type.isInstance(node)) {
                action.accept(type.cast(node));
            }
            children.clear();
            addChildren(node, children);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
    }

    /** The nodes directly under a node, in source order. */
    public static List<Node> children(Node node) {
        List<Node> children = new ArrayList<>();
        addChildren(node, children);
        return children;
    }

    private static void addChildren(Node node, List<Node> into) {
        int first = into.size();
        try {
            for (Field field : CHILD_FIELDS.get(node.getClass())) {
                Object value = field.get(node);
                if (value instanceof Node child) {
                    into.add(child);
                } else if (value instanceof NodeList<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        into.add(list.get(i));
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the children of a " + node.getClass().getSimpleName(), e);
        }
        sortBySource(into, first);
    }

    /**
     * Orders the children from {@code first} on by where they begin; those without a position (names, types and
     * modifiers, whose positions a compacted tree drops) come first, in the order their fields are declared.
     */
    private static void sortBySource(List<Node> children, int first) {
        for (int i = first + 1; i < children.size(); i++) { // insertion sort: most nodes have one to three children
            Node moving = children.get(i);
            int j = i - 1;
            while (j >= first && before(moving, children.get(j))) {
                children.set(j + 1, children.get(j));
                j--;
            }
            children.set(j + 1, moving);
        }
    }

    private static boolean before(Node a, Node b) {
        Range first = a.getRange().orElse(null);
        Range second = b.getRange().orElse(null);
        if (first == null) {
            return second != null;
        }
        return second != null && first.begin.isBefore(second.begin);
    }

    /** Per node class, its fields that hold a child node or a list of them (not the parent, not the comment). */
    private static final NodeFields CHILD_FIELDS =
            new NodeFields(fieldType -> Node.class.isAssignableFrom(fieldType) || fieldType == NodeList.class);
}
