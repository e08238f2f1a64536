package io.ormrace.analyzer.checks;

import com.github.javaparser.ast.Node;
import io.ormrace.analyzer.flow.Event;
import io.ormrace.core.Evidence;
import io.ormrace.core.SourceLocation;

/** Source locations of AST nodes, in the file an event was found in. */
final class Places {

    private Places() {
    }

    static SourceLocation of(Event.Place place) {
        return at(place.file().path(), place.reportAt());
    }

    static SourceLocation at(String path, Node node) {
        return node.getBegin().map(p -> new SourceLocation(path, p.line, p.column)).orElse(new SourceLocation(path, 1, 0));
    }

    /** Evidence at a node of the event's file; nodes of other files (a helper in another class) are placed there. */
    static Evidence evidence(Evidence.Kind kind, Event.Place place, Node node, String description) {
        String path = node.findCompilationUnit().flatMap(unit -> unit.getStorage())
                .map(storage -> storage.getPath().toString()).orElse(place.file().path());
        String shown = node.findCompilationUnit().equals(place.reportAt().findCompilationUnit()) ? place.file().path() : relative(path);
        return Evidence.at(kind, at(shown, node), description);
    }

    private static String relative(String path) {
        java.nio.file.Path absolute = java.nio.file.Path.of(path).toAbsolutePath().normalize();
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
