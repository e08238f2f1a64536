package io.ormrace.analyzer;

import com.github.javaparser.ast.Node;
import java.util.function.Consumer;

/**
 * Runs one unit of the analysis (a file, a type, a method, an event) so that a failure in it costs only itself:
 * the failure becomes a {@link Problem} naming the file, the line and the construct, and the analysis goes on.
 */
public final class Contained {

    private Contained() {
    }

    /** True when the work ran to its end. */
    public static boolean run(Consumer<Problem> problems, String file, Node at, String construct, Runnable work) {
        return run(problems, file, at == null ? 0 : at.getBegin().map(p -> p.line).orElse(0), construct, work);
    }

    public static boolean run(Consumer<Problem> problems, String file, int line, String construct, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            problems.accept(Problem.internal(file, line, construct, e));
            return false;
        }
    }
}
