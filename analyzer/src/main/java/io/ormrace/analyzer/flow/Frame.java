package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import io.ormrace.analyzer.code.SourceFile;
import java.util.Optional;

/**
 * A method on the walk's call path: the entry method, or a callee entered by a call in its caller's frame. A finding is
 * reported in the deepest frame that holds the whole of the race, at the statement there that leads to it.
 */
public final class Frame {

    final Frame parent;
    /** The call in the parent's frame that entered this one; null for the entry method. */
    final Node callAt;
    final SourceFile file;
    private final CallableDeclaration<?> method;
    final int depth;

    private Frame(Frame parent, Node callAt, SourceFile file, CallableDeclaration<?> method) {
        this.parent = parent;
        this.callAt = callAt;
        this.file = file;
        this.method = method;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    static Frame entry(SourceFile file, CallableDeclaration<?> method) {
        return new Frame(null, null, file, method);
    }

    Frame enter(Node call, SourceFile calleeFile, CallableDeclaration<?> callee) {
        return new Frame(this, call, calleeFile != null ? calleeFile : file, callee);
    }

    Optional<CallableDeclaration<?>> method() {
        return Optional.ofNullable(method);
    }

    Frame root() {
        Frame frame = this;
        while (frame.parent != null) {
            frame = frame.parent;
        }
        return frame;
    }

    /** The deepest frame both frames are in (themselves or a caller). */
    static Frame common(Frame a, Frame b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        while (a.depth > b.depth) {
            a = a.parent;
        }
        while (b.depth > a.depth) {
            b = b.parent;
        }
        while (a != b && a != null) {
            a = a.parent;
            b = b.parent;
        }
        return a;
    }

    /**
     * The node of this frame that leads to {@code node}, reached in {@code inner} (this frame or a callee of it): the
     * node itself when it is in this frame, else the call that went down towards it.
     */
    Node toward(Frame inner, Node node) {
        Node leading = node;
        for (Frame frame = inner; frame != null && frame != this; frame = frame.parent) {
            leading = frame.callAt;
        }
        return leading;
    }

    /** The calls from the entry method down to this frame, outermost first. */
    java.util.List<Node> calls() {
        java.util.LinkedList<Node> calls = new java.util.LinkedList<>();
        for (Frame frame = this; frame.parent != null; frame = frame.parent) {
            calls.addFirst(frame.callAt);
        }
        return java.util.List.copyOf(calls);
    }

}
