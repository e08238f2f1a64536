package io.ormrace.analyzer.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The name checks without regular expressions say what the expressions they replace say. */
class NameShapesTest {

    private static final List<String> NAMES = List.of("getId", "get", "getter", "get_X", "getX", "getURL", "isPaid", "is",
            "island", "isA1", "hasRoles", "has", "setStatus", "set", "settle", "setX$", "getX$y", "MAX_SIZE", "MAX", "M",
            "Max", "A1_B2", "_A", "", "id", "save", "getÄ", "isé");

    @Test
    void theShapesAgreeWithThePatterns() {
        for (String name : NAMES) {
            assertThat(NameShapes.getter(name)).as(name).isEqualTo(name.matches("(get|is)[A-Z]\\w*"));
            assertThat(NameShapes.query(name)).as(name).isEqualTo(name.matches("(get|is|has)[A-Z]\\w*"));
            assertThat(NameShapes.setter(name)).as(name).isEqualTo(name.matches("set[A-Z]\\w*"));
            assertThat(NameShapes.constant(name)).as(name).isEqualTo(name.matches("[A-Z][A-Z0-9_]*"));
            java.util.regex.Matcher accessor = java.util.regex.Pattern.compile("(set|get|is)([A-Z]\\w*)").matcher(name);
            assertThat(NameShapes.accessedProperty(name)).as(name).isEqualTo(accessor.matches() ? accessor.group(2) : null);
        }
    }

    @Test
    void aConventionAnswersAsItsPatternEveryTimeItIsAsked() {
        NameShapes.Convention writing = NameShapes.Convention.start("(create|save)(?![a-z])");
        for (int i = 0; i < 2; i++) {
            assertThat(writing.test("saveOrder")).isTrue();
            assertThat(writing.test("saved")).isFalse();
            assertThat(writing.test("create")).isTrue();
            assertThat(writing.test("recreate")).isFalse();
        }
    }
}
