package io.ormrace.analyzer.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variables a branch starts from stay as they were, whatever the branch does to its own copy. */
class LocalsTest {

    private static final Value PAID = new Value.Constant("PAID");
    private static final Value NEW = new Value.Constant("NEW");

    @Test
    void aSnapshotIsNotChangedByTheBranchWalkedFromIt() {
        Env env = new Env(null);
        env.declare("status", "String", NEW);
        env.declare("count", "int", Value.UNKNOWN);
        Map<String, Value> before = env.snapshot();

        env.assign("status", PAID);
        env.declare("created", null, NEW);

        assertThat(before).containsExactlyInAnyOrderEntriesOf(Map.of("status", NEW, "count", Value.UNKNOWN));
        assertThat(env.value("status")).contains(PAID);
        env.restore(before);
        assertThat(env.value("status")).contains(NEW);
        assertThat(env.isLocal("created")).isFalse();
        env.assign("count", PAID);
        assertThat(before.get("count")).isEqualTo(Value.UNKNOWN);
    }

    @Test
    void joiningKeepsEveryVariableOfBothPathsAndLeavesThemAsTheyWere() {
        Env env = new Env(null);
        env.declare("status", null, NEW);
        Map<String, Value> thenBranch = env.snapshot();
        env.assign("status", PAID);
        env.declare("note", null, NEW);
        Map<String, Value> elseBranch = env.snapshot();

        Map<String, Value> joined = Env.join(thenBranch, elseBranch);

        assertThat(joined).containsOnlyKeys("status", "note");
        assertThat(joined.get("status")).isEqualTo(Value.UNKNOWN); // one constant on one path, another on the other
        assertThat(thenBranch).containsOnlyKeys("status");
        assertThat(elseBranch.get("status")).isEqualTo(PAID);
    }

    @Test
    void aLoopPassDropsTheBodysOwnVariablesFromItsCopyOnly() {
        Locals head = new Locals();
        head.put("total", NEW);
        Locals next = head.copy();
        next.put("item", PAID);
        next.put("total", PAID);

        next.keySet().retainAll(head.keySet());

        assertThat(next).containsExactlyEntriesOf(Map.of("total", PAID));
        assertThat(head).containsExactlyEntriesOf(Map.of("total", NEW));
    }

    @Test
    void manyVariablesAreAllKept() {
        Locals locals = new Locals();
        for (int i = 0; i < 100; i++) {
            locals.put("v" + i, i % 2 == 0 ? NEW : PAID);
        }
        Locals copy = locals.copy();
        copy.remove("v50");

        assertThat(locals).hasSize(100).containsEntry("v50", NEW).containsEntry("v99", PAID);
        assertThat(copy).hasSize(99).doesNotContainKey("v50").containsEntry("v51", PAID);
    }

    @Test
    void joiningFindsAVariableThatSitsElsewhereInTheOtherPath() {
        Locals then = new Locals();
        then.put("a", NEW);
        then.put("b", NEW);
        Locals otherwise = new Locals();
        otherwise.put("b", NEW);
        otherwise.put("c", PAID);
        otherwise.put("a", PAID);

        Locals joined = Locals.join(then, otherwise, Value::join);

        assertThat(joined).containsOnlyKeys("a", "b", "c");
        assertThat(joined.get("a")).isEqualTo(Value.UNKNOWN);
        assertThat(joined.get("b")).isEqualTo(NEW);
        assertThat(joined.get("c")).isEqualTo(PAID);
        assertThat(then).containsExactlyInAnyOrderEntriesOf(Map.of("a", NEW, "b", NEW));
    }

    @Test
    void joiningTwoPathsThatChangedNothingGivesAnIndependentCopy() {
        Locals before = new Locals();
        before.put("status", NEW);
        Locals then = before.copy();
        Locals otherwise = before.copy();

        Locals joined = Locals.join(then, otherwise, Value::join);
        joined.put("status", PAID);

        assertThat(then.get("status")).isEqualTo(NEW);
        assertThat(otherwise.get("status")).isEqualTo(NEW);
        assertThat(before.get("status")).isEqualTo(NEW);
    }
}
