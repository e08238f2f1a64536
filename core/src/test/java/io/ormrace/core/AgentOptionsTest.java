package io.ormrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void aValueWithACommaSurvivesTheRoundTrip() {
        AgentOptions options = new AgentOptions(List.of(Path.of("/work/shop,v2/target/ormrace/runtime.json")),
                List.of("com.acme"), List.of(), true, false,
                List.of(Path.of("/work/shop,v2/src/main/java"), Path.of("/work/it's/src/test/java")));

        String written = options.format();

        assertThat(written).startsWith("output='/work/shop,v2/target/ormrace/runtime.json',include=com.acme,redact=true,");
        assertThat(AgentOptions.parse(written)).isEqualTo(options);
    }

    @Test
    void theAgentsOwnSyntaxStillReads() {
        AgentOptions options = AgentOptions.parse("output=a.json, output=b.sarif,include=com.acme:org.acme*,redact=false");

        assertThat(options.outputs()).containsExactly(Path.of("a.json"), Path.of("b.sarif"));
        assertThat(options.includes()).containsExactly("com.acme", "org.acme");
        assertThat(options.redact()).isFalse();
        assertThat(options.sources()).isEqualTo(AgentOptions.DEFAULT_SOURCES);
    }

    @Test
    void whatCannotBeReadSaysWhy() {
        assertThatThrownBy(() -> AgentOptions.parse("colour=blue")).hasMessageContaining("unknown option 'colour'");
        assertThatThrownBy(() -> AgentOptions.parse("quiet")).hasMessageContaining("'quiet' is not key=value");
        assertThatThrownBy(() -> AgentOptions.parse("output='a'b")).hasMessageContaining("text after its quoted value");
    }
}
