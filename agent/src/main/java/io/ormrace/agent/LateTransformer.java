package io.ormrace.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.concurrent.CountDownLatch;

/**
 * ByteBuddy's transformer, built on the agent's start-up thread while the application starts: a class that needs it
 * before it is ready waits for it (nothing runs unwatched), except the classes that thread loads itself.
 */
final class LateTransformer implements ClassFileTransformer {

    private static final ClassFileTransformer NONE = new ClassFileTransformer() {
    };

    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile ClassFileTransformer delegate;
    private volatile Thread installer;

    /** The thread that builds the transformer. */
    void installingOn(Thread thread) {
        installer = thread;
    }

    void delegateTo(ClassFileTransformer transformer) {
        delegate = transformer;
    }

    /** Called once the start-up is over, whether the transformer was built or not. */
    void installed() {
        ready.countDown();
    }

    void awaitInstalled() {
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        return delegate().transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        return delegate().transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    /** The transformer, waited for if it is still being built; one that changes nothing if building it failed. */
    private ClassFileTransformer delegate() {
        ClassFileTransformer built = delegate;
        if (built != null) {
            return built;
        }
        if (Thread.currentThread() == installer) {
            return NONE;
        }
        awaitInstalled();
        built = delegate;
        return built != null ? built : NONE;
    }
}
