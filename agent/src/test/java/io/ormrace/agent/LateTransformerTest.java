package io.ormrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LateTransformerTest {

    private static final byte[] CHANGED = {1};

    private final List<String> transformed = new CopyOnWriteArrayList<>();
    private final ClassFileTransformer recording = new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                ProtectionDomain protectionDomain, byte[] classfileBuffer) {
            transformed.add(className);
            return CHANGED;
        }
    };

    @Test
    void aClassLoadedBeforeTheTransformerIsReadyWaitsForItAndIsTransformed() throws Exception {
        LateTransformer late = new LateTransformer();
        AtomicReference<byte[]> result = new AtomicReference<>();
        Thread application = new Thread(() -> result.set(load(late, "org/h2/jdbc/JdbcConnection")));
        application.start();
        while (application.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // until it waits for the transformer
        }
        assertThat(transformed).isEmpty();

        late.delegateTo(recording);
        late.installed();
        application.join();

        assertThat(transformed).containsExactly("org/h2/jdbc/JdbcConnection");
        assertThat(result.get()).isEqualTo(CHANGED);
    }

    @Test
    void theThreadBuildingTheTransformerNeverWaitsForIt() throws Exception {
        LateTransformer late = new LateTransformer();
        AtomicReference<byte[]> result = new AtomicReference<>(CHANGED);
        Thread installer = new Thread(() -> result.set(load(late, "io/ormrace/agent/shaded/bytebuddy/ByteBuddy")));
        late.installingOn(installer);
        installer.start();
        installer.join();

        assertThat(result.get()).isNull();
        assertThat(transformed).isEmpty();
    }

    @Test
    void aStartUpThatFailedLetsTheWaitingClassesGoUnchanged() throws Exception {
        LateTransformer late = new LateTransformer();
        late.installed();

        assertThat(load(late, "org/h2/jdbc/JdbcStatement")).isNull();
    }

    private static byte[] load(LateTransformer late, String name) {
        try {
            return late.transform(null, null, name, null, null, new byte[0]);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
