package io.ormrace.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** A context of its own (the property makes it differ), as many test classes of a real suite have. */
@SpringBootTest
@TestPropertySource(properties = "suite.context=7")
class Stockroom07Test {

    @Autowired
    Stockroom stockroom;

    @Test
    void stockIsCounted() {
        stockroom.stock("item-7", 3);
        stockroom.stock("item-7", 4);
        assertThat(stockroom.count("item-7")).isEqualTo(7);
    }

    @Test
    void anUnknownItemHasNone() {
        assertThat(stockroom.count("none-7")).isZero();
    }
}
