package io.ormrace.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Nothing the agent does may throw into the application: a sink that fails costs only a count. */
class DispatcherTest {

    @AfterEach
    void detach() {
        Dispatcher.install(null);
    }

    @Test
    void aSinkThatThrowsIsCountedAndNeverReachesTheApplication() {
        Dispatcher.Sink failing = (Dispatcher.Sink) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Dispatcher.Sink.class}, (proxy, method, arguments) -> {
                    throw new IllegalStateException("the agent failed in " + method.getName());
                });
        Dispatcher.install(failing);
        long before = Dispatcher.errors();
        Dispatcher.Frame frame = Dispatcher.enter();

        assertThatCode(() -> {
            Dispatcher.prepared(frame, new Object(), new Object(), "select 1");
            Dispatcher.executed(frame, new Object(), "select 1", null);
            Dispatcher.valueRead(frame, new Object(), 1, 42);
            Dispatcher.rowAdvanced(frame, new Object(), true);
            Dispatcher.transactionEnded(frame, new Object(), true);
            Dispatcher.driverConnected(frame, new Object(), "jdbc:x", null, null);
            Dispatcher.testStarted("shop.ShopTest", "buys", "buys()");
        }).doesNotThrowAnyException();
        frame.depth--;

        assertThat(Dispatcher.errors() - before).isEqualTo(7);
        assertThat(Dispatcher.firstError()).isNotNull();
    }
}
