package io.ormrace.analyzer.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A helper's {@code executeAndFetch(Class<V>)} and {@code executeAndFetch(ResultSetHandler<V>)}: which one a call runs. */
class OverloadsTest {

    private final List<MethodDeclaration> fetches = StaticJavaParser.parse("""
            class Query {
                <V> V executeAndFetch(Class<V> type) { return null; }
                <V> V executeAndFetch(ResultSetHandler<V> handler) { return null; }
            }
            """).getClassByName("Query").orElseThrow().getMethodsByName("executeAndFetch");

    @Test
    void aLambdaOrMethodReferenceRunsTheOverloadThatTakesAFunction() {
        assertThat(Overloads.best(fetches, List.of(Overloads.FUNCTION))).isSameAs(fetches.get(1));
    }

    @Test
    void aClassLiteralRunsTheOverloadThatTakesAClass() {
        assertThat(Overloads.best(fetches, List.of("Class"))).isSameAs(fetches.get(0));
    }
}
