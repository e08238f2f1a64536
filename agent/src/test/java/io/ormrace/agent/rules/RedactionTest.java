package io.ormrace.agent.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private final Redaction redaction = new Redaction(true);

    @Test
    void stringsInEveryQuotingAreMasked() {
        assertThat(redaction.sql("update t set name = 'O''Brien', note = E'it\\'s', raw = X'0A1F' where id = 42"))
                .isEqualTo("update t set name = ?, note = ?, raw = ? where id = ?");
        assertThat(redaction.sql("select $$secret$$, $tag$also secret$tag$ from t where a = $1"))
                .isEqualTo("select ?, ? from t where a = $1");
        assertThat(redaction.sql("select * from t where a = 'never closed, secret")).isEqualTo("select * from t where a = ?");
    }

    @Test
    void numbersAreMaskedAndIdentifiersKept() {
        assertThat(redaction.sql("select \"Col1\", t2.col3, `x9` from tab_9 where x in (1, -2.5e-3, 0x1F) limit 10"))
                .isEqualTo("select \"Col1\", t2.col3, `x9` from tab_9 where x in (?, -?, ?) limit ?");
    }

    @Test
    void commentsAreDropped() {
        assertThat(redaction.sql("/* user bob */ select a from t -- token 1234\nwhere b = ?"))
                .isEqualTo("  select a from t  \nwhere b = ?");
    }

    @Test
    void withoutRedactionTheTextStays() {
        assertThat(new Redaction(false).sql("select 'x' from t")).isEqualTo("select 'x' from t");
    }
}
