package io.ormrace.scenarios;

import java.util.function.Supplier;

/** Application code, as far as the agent can tell, that captures its caller on two different lines. */
public final class Capturing {

    private Capturing() {
    }

    public static <T> T here(Supplier<T> capture) {
        return capture.get(); // line 12
    }

    public static <T> T elsewhere(Supplier<T> capture) {
        return capture.get(); // line 16
    }
}
