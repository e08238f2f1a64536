package io.ormrace.agent.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class KeyValueTest {

    @Test
    void aWholeNumberIsOneKeyWhateverTypeOrSpellingItCameIn() {
        Object key = KeyValue.of(42L);
        assertThat(KeyValue.of(42)).isEqualTo(key);
        assertThat(KeyValue.of((short) 42)).isEqualTo(key);
        assertThat(KeyValue.of(new BigDecimal("42.00"))).isEqualTo(key);
        assertThat(KeyValue.of(42.0d)).isEqualTo(key);
        assertThat(KeyValue.of("42")).isEqualTo(key);
        assertThat(KeyValue.of(Long.MAX_VALUE)).isEqualTo(KeyValue.of(String.valueOf(Long.MAX_VALUE)));
        assertThat(KeyValue.of(-7)).isEqualTo(KeyValue.of("-7"));
    }

    @Test
    void otherSpellingsAndValuesStayApart() {
        assertThat(KeyValue.of("042")).isNotEqualTo(KeyValue.of(42L));
        assertThat(KeyValue.of("-0")).isNotEqualTo(KeyValue.of(0L));
        assertThat(KeyValue.of(new BigDecimal("4.20"))).isEqualTo(KeyValue.of(4.2d)).isNotEqualTo(KeyValue.of(4L));
        BigInteger beyondLong = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        assertThat(KeyValue.of(beyondLong)).isEqualTo(KeyValue.of(beyondLong.toString()))
                .isEqualTo(KeyValue.of(new BigDecimal(beyondLong)));
        assertThat(KeyValue.of("abc")).isEqualTo("abc");
        assertThat(KeyValue.of(new byte[] {1, 2})).isEqualTo(KeyValue.of(new byte[] {1, 2}));
        assertThat(KeyValue.of(null)).isNull();
        assertThat(KeyValue.of(Double.NaN)).isEqualTo("NaN");
    }
}
