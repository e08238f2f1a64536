package io.ormrace.analyzer.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.ormrace.analyzer.code.CodeIndex;
import io.ormrace.analyzer.code.SourceFile;
import io.ormrace.analyzer.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A helper that touches nothing is walked once per run; every later call reuses its summary, and reusing it costs the
 * walk of the entry method what walking it would have: the same calls spent, the same depth, the same methods entered.
 */
class InertMethodsTest {

    private static final String SHOP = """
            class Shop {
                private ItemRepository items;
                private EntityManager entityManager;

                public void entry(String code) { check(code); }

                public void reads(Long id) { load(id); }

                public void writes() { flushNow(); }

                void check(String code) {
                    if (code.isEmpty()) {
                        report(code);
                    }
                    audit(code);
                }

                void report(String code) { System.out.println(code); }

                void audit(String code) { report(code); }

                void load(Long id) { items.findById(id); }

                void flushNow() { entityManager.flush(); }

                public void both(Long id) { act(false, id); act(true, id); }

                void act(boolean write, Long id) {
                    if (write) {
                        items.findById(id);
                    }
                }
            }
            """;

    private static final List<Value> ONE_UNKNOWN = List.of(Value.UNKNOWN);

    private final TypeDeclaration<?> shop = StaticJavaParser.parse(SHOP).getType(0);
    private final CodeIndex index = CodeIndex.build(List.of(
            new SourceFile("Shop.java", shop.findCompilationUnit().orElseThrow()),
            new SourceFile("Item.java", StaticJavaParser.parse("@Entity class Item { @Id Long id; int stock; }")),
            new SourceFile("ItemRepository.java", StaticJavaParser.parse(
                    "interface ItemRepository extends JpaRepository<Item, Long> { }"))),
            new Schema(), problem -> { });

    @Test
    void aHelperThatTouchesNothingIsLearnedOnceAndReusedAtTheSameCost() {
        FlowContext learning = walk("entry");
        InertMethods.Summary check = InertMethods.learned(learning, shop, method("check"), ONE_UNKNOWN);
        assertThat(check).isNotNull();
        assertThat(check.calls()).isEqualTo(4); // check, report, audit, and report again inside audit
        assertThat(check.depth()).isEqualTo(2);
        assertThat(InertMethods.learned(learning, shop, method("audit"), ONE_UNKNOWN).calls()).isEqualTo(2);

        assertThat(learning.walked).isEqualTo(3); // the second report, inside audit, is answered by the first one's summary
        assertThat(learning.reused).isEqualTo(1);

        FlowContext reusing = walk("entry");
        assertThat(reusing.walked).isZero();
        assertThat(reusing.reused).isEqualTo(1);
        assertThat(reusing.spent).isEqualTo(learning.spent);
        assertThat(reusing.deepest).isEqualTo(learning.deepest);
        assertThat(reusing.entered).containsExactlyElementsOf(learning.entered);
        assertThat(InertMethods.learned(reusing, shop, method("check"), ONE_UNKNOWN)).isSameAs(check); // not walked again
    }

    @Test
    void aHelperThatReadsTheDatabaseIsNotLearned() {
        FlowContext context = walk("reads");
        assertThat(InertMethods.learned(context, shop, method("load"), ONE_UNKNOWN)).isNull();
        assertThat(context.touches).isPositive();
    }

    @Test
    void aHelperThatCallsADatabaseApiIsNotLearnedEvenWhenNothingWasPending() {
        // a flush with no changed row does nothing here; called where a row was changed, it writes the row
        FlowContext context = walk("writes");
        assertThat(InertMethods.learned(context, shop, method("flushNow"), List.of())).isNull();
    }

    @Test
    void aConstantArgumentIsPartOfHowTheHelperIsCalled() {
        // act(false, id) takes no branch that reads; act(true, id) reads: learning the first says nothing of the second
        FlowContext context = walk("both");
        assertThat(InertMethods.learned(context, shop, method("act"), List.of(Value.Constant.FALSE, Value.UNKNOWN))).isNotNull();
        assertThat(InertMethods.learned(context, shop, method("act"), List.of(Value.Constant.TRUE, Value.UNKNOWN))).isNull();
        assertThat(context.touches).isPositive();
    }

    @Test
    void notReusedWhereWalkingItWouldStopAtALimit() {
        walk("entry");
        FlowContext context = new FlowContext(index, null, "Shop#test", event -> { });
        // check goes two calls deeper than itself: entered at the last depths, its calls would pass the limit
        assertThat(InertMethods.reuse(context, shop, method("check"), ONE_UNKNOWN, WalkLimits.MAX_DEPTH - 1)).isFalse();
        context.spend(WalkLimits.INLINE_BUDGET - 3); // three calls left, and check goes into four
        assertThat(InertMethods.reuse(context, shop, method("check"), ONE_UNKNOWN, 1)).isFalse();
        assertThat(InertMethods.reuse(context, shop, method("audit"), ONE_UNKNOWN, 1)).isTrue();
    }

    @Test
    void notReusedWhenAMethodItGoesIntoIsOnTheCallersPath() {
        walk("entry");
        FlowContext context = new FlowContext(index, null, "Shop#test", event -> { });
        context.stack.push(method("report")); // walking it, check would not enter report again
        assertThat(InertMethods.reuse(context, shop, method("check"), ONE_UNKNOWN, 1)).isFalse();
        context.stack.pop();
        assertThat(InertMethods.reuse(context, shop, method("check"), ONE_UNKNOWN, 1)).isTrue();
        assertThat(context.spent).isEqualTo(4);
    }

    private FlowContext walk(String entry) {
        List<Event> events = new ArrayList<>();
        FlowContext context = new FlowContext(index, null, "Shop#" + entry, events::add);
        MethodWalker.walkEntry(context, shop, method(entry));
        return context;
    }

    private MethodDeclaration method(String name) {
        return shop.getMethodsByName(name).get(0);
    }
}
