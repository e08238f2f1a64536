package io.ormrace.analyzer.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The searches JavaParser does through each node's list of children, done through the fields that hold them. */
class SyntaxTreesTest {

    private static final String SOURCE = """
            class Orders {
                void pay(Order order, int amount) {
                    if (order.getBalance() < amount && limits.allow(order.getId())) {
                        order.setBalance(order.getBalance() - amount);
                    }
                    repository.save(order);
                }
            }
            """;

    @Test
    void findsTheExpressionsJavaParserFindsInTheSameOrder() {
        CompilationUnit unit = StaticJavaParser.parse(SOURCE);

        for (Class<? extends Node> type : List.of(MethodCallExpr.class, NameExpr.class, Expression.class)) {
            List<Node> ours = List.copyOf(SyntaxTrees.findAll(unit, type));
            List<Node> javaParsers = List.copyOf(unit.findAll(type));
            assertThat(ours).as(type.getSimpleName()).isNotEmpty().containsExactlyElementsOf(javaParsers);
        }
    }

    @Test
    void searchesBelowANodeAndFilters() {
        CompilationUnit unit = StaticJavaParser.parse(SOURCE);
        IfStmt check = unit.findFirst(IfStmt.class).orElseThrow();

        List<String> getters = SyntaxTrees.findAll(check.getCondition(), MethodCallExpr.class,
                call -> call.getNameAsString().startsWith("get")).stream().map(Node::toString).toList();

        assertThat(getters).containsExactly("order.getBalance()", "order.getId()");
        assertThat(SyntaxTrees.children(check).stream().map(node -> node.getClass().getSimpleName()))
                .containsExactly("BinaryExpr", "BlockStmt");
    }
}
