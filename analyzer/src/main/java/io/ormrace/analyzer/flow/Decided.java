package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.SwitchEntry;

/** Conditions and switches decided by constants known where they are walked (a caller passed them down). */
final class Decided {

    private Decided() {
    }

    /** {@code type == EventType.PROPOSAL}, {@code a && b}: a boolean constant when the operands decide it, else null. */
    static Value binary(BinaryExpr.Operator operator, Value left, Value right) {
        switch (operator) {
            case EQUALS, NOT_EQUALS -> {
                if (left instanceof Value.Constant l && right instanceof Value.Constant r) {
                    return Value.Constant.of(l.name().equals(r.name()) == (operator == BinaryExpr.Operator.EQUALS));
                }
                return null;
            }
            case AND -> {
                if (left == Value.Constant.FALSE || right == Value.Constant.FALSE) {
                    return Value.Constant.FALSE;
                }
                return left == Value.Constant.TRUE ? right : right == Value.Constant.TRUE ? left : null;
            }
            case OR -> {
                if (left == Value.Constant.TRUE || right == Value.Constant.TRUE) {
                    return Value.Constant.TRUE;
                }
                return left == Value.Constant.FALSE ? right : right == Value.Constant.FALSE ? left : null;
            }
            default -> {
                return null;
            }
        }
    }

    static final int UNDECIDED = -2;

    /**
     * The index of the entry a constant selector takes: the one labelled with it, else the default; -1 for none,
     * {@link #UNDECIDED} when a label is no enum constant.
     */
    static int entryTaken(Value.Constant selector, NodeList<SwitchEntry> entries) {
        int fallback = -1;
        for (int i = 0; i < entries.size(); i++) {
            SwitchEntry entry = entries.get(i);
            if (entry.getLabels().isEmpty() || entry.isDefault()) {
                fallback = i;
            }
            for (Expression label : entry.getLabels()) {
                String name = label instanceof NameExpr n ? n.getNameAsString()
                        : label instanceof FieldAccessExpr f ? f.getNameAsString() : null;
                if (name == null) {
                    return UNDECIDED;
                }
                if (name.equals(selector.name())) {
                    return i;
                }
            }
        }
        return fallback;
    }
}
