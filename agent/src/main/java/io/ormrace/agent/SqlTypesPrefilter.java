package io.ormrace.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

/**
 * Hands ByteBuddy only the classes whose class file names a {@code java.sql} type: a JDBC class implements or
 * extends one, and its methods declare {@code SQLException}. The thousands of other classes a Spring Boot test
 * loads are passed over after a scan of their bytes, before any of their supertypes is read, which is most of what
 * the agent costs there. A class being retransformed always goes through.
 */
final class SqlTypesPrefilter implements ClassFileTransformer {

    private static final byte[] JAVA_SQL = "java/sql/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ClassFileTransformer delegate;

    SqlTypesPrefilter(ClassFileTransformer delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (!considered(classBeingRedefined, classfileBuffer)) {
            return null;
        }
        return delegate.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (!considered(classBeingRedefined, classfileBuffer)) {
            return null;
        }
        return delegate.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    /** A class being retransformed always; a class being loaded if its bytes name a {@code java.sql} type. */
    private static boolean considered(Class<?> classBeingRedefined, byte[] bytes) {
        return classBeingRedefined != null || namesJavaSql(bytes);
    }

    static boolean namesJavaSql(byte[] bytes) {
        if (bytes == null) {
            return true;
        }
        byte first = JAVA_SQL[0];
        for (int i = 0, last = bytes.length - JAVA_SQL.length; i <= last; i++) {
            if (bytes[i] == first && matchesAt(bytes, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] bytes, int at) {
        for (int j = 1; j < JAVA_SQL.length; j++) {
            if (bytes[at + j] != JAVA_SQL[j]) {
                return false;
            }
        }
        return true;
    }
}
