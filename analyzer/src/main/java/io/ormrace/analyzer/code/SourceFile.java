package io.ormrace.analyzer.code;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import java.util.Optional;

/** A parsed Java file, with the path findings show for it (relative to the working directory where possible). */
public record SourceFile(String path, CompilationUnit unit) {

    private static final DataKey<String> SHOWN_PATH = new DataKey<>() {
    };

    public SourceFile {
        unit.setData(SHOWN_PATH, path);
    }

    /** The path findings show for the file a node is in, when it is one of the analyzed files. */
    public static Optional<String> pathOf(Node node) {
        return node.findCompilationUnit().filter(unit -> unit.containsData(SHOWN_PATH)).map(unit -> unit.getData(SHOWN_PATH));
    }
}
