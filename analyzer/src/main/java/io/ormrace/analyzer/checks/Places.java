package io.ormrace.analyzer.checks;

import com.github.javaparser.ast.Node;
import io.ormrace.analyzer.code.SourceFile;
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

    /** The calls from the analyzed method down to the method the finding is reported in, as evidence. */
    static void callPath(io.ormrace.core.Finding.Builder finding, Event.Place place) {
        for (Node call : place.calls()) {
            String text = call.toString();
            finding.evidence(evidence(Evidence.Kind.CALL, place, call, "calls " + (text.length() > 80
                    ? text.substring(0, 80) + "..." : text)));
        }
    }

    /** Evidence at a node of the event's file, or of the analyzed file it is in (a helper in another class). */
    static Evidence evidence(Evidence.Kind kind, Event.Place place, Node node, String description) {
        return Evidence.at(kind, at(SourceFile.pathOf(node).orElse(place.file().path()), node), description);
    }
}
