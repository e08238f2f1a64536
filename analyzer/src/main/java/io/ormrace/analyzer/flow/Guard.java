package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import io.ormrace.analyzer.code.SyntaxTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Code that runs only when a check on columns read passed: a branch of an {@code if}, or the rest of a block after
 * an early exit. It collects the effects made under it, since a check-then-act race matters only when the act does
 * something a second caller, passing the same check, would repeat.
 */
final class Guard {

    /** Something done under a guard: a write computed from a read, an insert, a modifying statement, a save. */
    record Effect(String description, Node at, RowOrigin row, boolean derived) {
    }

    final Set<Value.ColumnRef> columns;
    final Node condition;
    /** The code runs when the condition is true (a then-branch), or when it is false (an else, or after an exit). */
    final boolean whenTrue;
    final List<Effect> effects = new ArrayList<>();
    /** The parts of the condition that are a column as read. */
    final java.util.Map<Node, Value.ColumnRef> operands;

    Guard(Set<Value.ColumnRef> columns, Node condition, boolean whenTrue, java.util.Map<Node, Value.ColumnRef> operands) {
        this.columns = columns;
        this.condition = condition;
        this.whenTrue = whenTrue;
        this.operands = operands;
    }

    /**
     * Whether the code under this guard runs only when the column holds a value ({@code if (parent == null) throw ...;
     * parent = newParent}): setting it then replaces a value, which the last writer does by design; a claim takes an
     * empty column.
     */
    boolean knowsPresent(Value.ColumnRef column) {
        for (com.github.javaparser.ast.expr.BinaryExpr test : SyntaxTrees.findAll(condition, com.github.javaparser.ast.expr.BinaryExpr.class)) {
            boolean equalsNull = test.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.EQUALS;
            if (!equalsNull && test.getOperator() != com.github.javaparser.ast.expr.BinaryExpr.Operator.NOT_EQUALS) {
                continue;
            }
            Node side = test.getRight().isNullLiteralExpr() ? test.getLeft() : test.getLeft().isNullLiteralExpr() ? test.getRight() : null;
            if (side != null && column.equals(operands.get(side)) && condition == test) {
                return equalsNull != whenTrue; // 'x == null' false, or 'x != null' true: x holds a value here
            }
        }
        return false;
    }

    /**
     * The first effect a second caller would repeat. Changes to the checked row itself are not: both callers compute
     * them from the same state they both read, and write the same values.
     */
    Effect repeatedBeside(RowOrigin row, Node writtenAt) {
        if (writesVersionedRow()) {
            return null;
        }
        for (Effect effect : effects) {
            if (effect.at() != writtenAt && effect.row() != row) {
                return effect;
            }
        }
        return null;
    }

    /**
     * A row with a version check is written under the check too (an aggregate's root saved with its child): the
     * second caller's write of it fails on the version, and its whole transaction with it.
     */
    private boolean writesVersionedRow() {
        return effects.stream().anyMatch(effect -> effect.row() != null && effect.row().entity() != null
                && effect.row().entity().versioned() && !effect.derived());
    }
}
