package io.ormrace.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

/**
 * Hands ByteBuddy only the classes whose class file names one of the JDBC types the agent advises: a JDBC class
 * implements one, or its methods take or return one. The thousands of other classes a Spring Boot test
 * loads are passed over after a scan of their bytes, before any of their supertypes is read, which is most of what
 * the agent costs there. Classes of packages that are never JDBC ({@link JdbcPackages#NEVER_JDBC}: Hibernate's
 * hundreds of JDBC type descriptors among them) are passed over by name first, before ByteBuddy parses them only to
 * ignore them. A class being retransformed goes through unless its package is one of those.
 */
final class SqlTypesPrefilter implements ClassFileTransformer {

    private static final byte[] JAVA_SQL = "java/sql/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ClassFileTransformer delegate;
    private final String[] neverJdbc;
    private final String[] kept;

    /**
     * @param neverJdbc  package prefixes, dotted ({@code org.hibernate.}), whose classes are never JDBC classes
     * @param kept       prefixes inside those that are looked at all the same ({@code org.springframework.jdbc.})
     */
    SqlTypesPrefilter(ClassFileTransformer delegate, String[] neverJdbc, String[] kept) {
        this.delegate = delegate;
        this.neverJdbc = internal(neverJdbc);
        this.kept = internal(kept);
    }

    private static String[] internal(String[] prefixes) {
        String[] names = new String[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            names[i] = prefixes[i].replace('.', '/');
        }
        return names;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (!considered(className, classBeingRedefined, classfileBuffer)) {
            return null;
        }
        return delegate.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (!considered(className, classBeingRedefined, classfileBuffer)) {
            return null;
        }
        return delegate.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    /**
     * Not a class of a package that is never JDBC; then a class being retransformed always, a class being loaded if
     * its bytes name a JDBC type the agent advises.
     */
    boolean considered(String className, Class<?> classBeingRedefined, byte[] bytes) {
        if (className != null && neverJdbc(className)) {
            return false;
        }
        return classBeingRedefined != null || namesAdvisedJdbcType(bytes);
    }

    private boolean neverJdbc(String className) {
        for (String prefix : kept) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        for (String prefix : neverJdbc) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the class file names one of the JDBC types the agent advises: {@code java/sql/Connection},
     * {@code Statement}, {@code PreparedStatement}, {@code CallableStatement}, {@code ResultSet} or {@code Driver},
     * as an interface it implements or in a signature ({@code executeQuery()} returns a {@code ResultSet}). Classes
     * that only throw {@code SQLException} or pass a {@code Timestamp} (hundreds in a driver or an ORM) are not.
     */
    static boolean namesAdvisedJdbcType(byte[] bytes) {
        if (bytes == null) {
            return true;
        }
        byte first = JAVA_SQL[0];
        for (int i = 0, last = bytes.length - JAVA_SQL.length; i <= last; i++) {
            if (bytes[i] == first && matchesAt(bytes, i, JAVA_SQL) && advisedTypeAt(bytes, i + JAVA_SQL.length)) {
                return true;
            }
        }
        return false;
    }

    private static final byte[][] ADVISED = {bytes("Connection"), bytes("Statement"), bytes("PreparedStatement"),
        bytes("CallableStatement"), bytes("ResultSet"), bytes("Driver")};

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** One of the advised type names starts at {@code at} and ends there ({@code ConnectionBuilder} does not). */
    private static boolean advisedTypeAt(byte[] bytes, int at) {
        for (byte[] name : ADVISED) {
            int end = at + name.length;
            if (end <= bytes.length && matchesAt(bytes, at, name)
                    && (end == bytes.length || !Character.isJavaIdentifierPart((char) (bytes[end] & 0xff)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] bytes, int at, byte[] text) {
        if (at + text.length > bytes.length) {
            return false;
        }
        for (int j = 0; j < text.length; j++) {
            if (bytes[at + j] != text[j]) {
                return false;
            }
        }
        return true;
    }
}
