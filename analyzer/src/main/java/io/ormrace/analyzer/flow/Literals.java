package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.OptionalInt;

/** Literals as the parser gives them, which is more than javac accepts. */
final class Literals {

    private Literals() {
    }

    /** The value of an int literal; empty for one out of int's range ({@code 99999999999} parses, javac rejects it). */
    static OptionalInt intValue(IntegerLiteralExpr literal) {
        try {
            return OptionalInt.of(literal.asNumber().intValue());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** A string literal's value: its text as written unless it has an escape (unescaping every literal was slow). */
    static String text(StringLiteralExpr literal) {
        String written = literal.getValue();
        return written.indexOf('\\') < 0 ? written : literal.asString();
    }
}
