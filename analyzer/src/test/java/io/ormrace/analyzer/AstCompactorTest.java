package io.ormrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import io.ormrace.analyzer.code.SyntaxTrees;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A compacted tree answers what the analysis asks of it: its code, its positions, its nodes, its names. */
class AstCompactorTest {

    private static final String ORDERS = """
            import org.springframework.stereotype.Service;

            @Service
            class Orders {
                void pay(Order order, int amount) {
                    // the balance is read and written back
                    order.setBalance(order.getBalance() - amount);
                    repository.save(order);
                }
            }
            """;

    @Test
    void keepsCodePositionsAndNodesWithoutAListOfChildren() {
        CompilationUnit unit = StaticJavaParser.parse(ORDERS);

        AstCompactor.compact(unit, new AstCompactor.Shared());

        assertThat(unit.getChildNodes()).isEmpty();
        List<MethodCallExpr> calls = SyntaxTrees.findAll(unit, MethodCallExpr.class);
        assertThat(calls).extracting(MethodCallExpr::getNameAsString).containsExactly("setBalance", "getBalance", "save");
        assertThat(calls.get(0).getBegin()).hasValueSatisfying(begin -> assertThat(begin.line).isEqualTo(7));
        ExpressionStmt statement = (ExpressionStmt) calls.get(0).getParentNode().orElseThrow();
        assertThat(statement.toString()).isEqualTo("order.setBalance(order.getBalance() - amount);");
        assertThat(unit.getType(0).getMethods().get(0).getParameters()).hasSize(2);
    }

    @Test
    void sharesOneNodePerNameAcrossFilesAndRefusesChanges() {
        AstCompactor.Shared shared = new AstCompactor.Shared();
        CompilationUnit first = StaticJavaParser.parse(ORDERS);
        CompilationUnit second = StaticJavaParser.parse(ORDERS.replace("Orders", "Refunds"));

        AstCompactor.compact(first, shared);
        AstCompactor.compact(second, shared);

        NameExpr inFirst = SyntaxTrees.findAll(first, NameExpr.class).get(0);
        NameExpr inSecond = SyntaxTrees.findAll(second, NameExpr.class).get(0);
        assertThat(inFirst.getNameAsString()).isEqualTo("order");
        assertThat(inSecond.getName()).isSameAs(inFirst.getName());
        assertThat(second.getImport(0).getName()).isSameAs(first.getImport(0).getName());
        assertThat(first.getType(0).getNameAsString()).isEqualTo("Orders");
        assertThat(second.getType(0).getNameAsString()).isEqualTo("Refunds");
        assertThatThrownBy(() -> first.getType(0).getMethods().get(0).getThrownExceptions()
                .add(StaticJavaParser.parseClassOrInterfaceType("IllegalStateException")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
