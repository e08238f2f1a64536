package io.ormrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTypesPrefilterTest {

    private final List<String> handedOver = new ArrayList<>();
    private final SqlTypesPrefilter prefilter = new SqlTypesPrefilter(new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                ProtectionDomain protectionDomain, byte[] classfileBuffer) {
            handedOver.add(className);
            return null;
        }
    }, JdbcPackages.NEVER_JDBC, JdbcPackages.STILL_JDBC);

    @Test
    void aClassThatNamesJavaSqlIsHandedToByteBuddy() throws Exception {
        load("com/acme/db/PooledConnection", bytesOf(org.h2.jdbc.JdbcConnection.class));

        assertThat(handedOver).containsExactly("com/acme/db/PooledConnection");
    }

    @Test
    void aClassThatNamesNoJavaSqlTypeIsPassedOver() throws Exception {
        load("com/acme/web/Controller", bytesOf(SqlTypesPrefilterTest.class));

        assertThat(handedOver).isEmpty();
    }

    @Test
    void aClassThatOnlyThrowsSqlExceptionIsPassedOver() throws Exception {
        load("com/acme/db/Retries", bytesOf(OnlyThrowsSqlException.class));

        assertThat(handedOver).isEmpty();
    }

    /** Names java.sql.SQLException and java.sql.Timestamp, and none of the types the agent advises. */
    static final class OnlyThrowsSqlException {
        java.sql.Timestamp at() throws java.sql.SQLException {
            throw new java.sql.SQLException("retry");
        }
    }

    @Test
    void aFrameworkThatImplementsNoJdbcTypeIsPassedOverByNameThoughItNamesJavaSql() throws Exception {
        byte[] namesJavaSql = bytesOf(org.h2.jdbc.JdbcConnection.class);
        load("org/hibernate/type/descriptor/jdbc/IntegerJdbcType", namesJavaSql);
        load("org/springframework/orm/jpa/vendor/HibernateJpaDialect", namesJavaSql);

        assertThat(handedOver).isEmpty();
    }

    @Test
    void springsOwnJdbcPackageIsStillLookedAt() throws Exception {
        load("org/springframework/jdbc/datasource/SingleConnectionDataSource", bytesOf(org.h2.jdbc.JdbcConnection.class));

        assertThat(handedOver).containsExactly("org/springframework/jdbc/datasource/SingleConnectionDataSource");
    }

    @Test
    void aRetransformedClassGoesThroughWhateverItsBytes() throws Exception {
        prefilter.transform(null, getClass().getClassLoader(), "org/h2/jdbc/JdbcStatement", SqlTypesPrefilterTest.class,
                null, bytesOf(SqlTypesPrefilterTest.class));

        assertThat(handedOver).containsExactly("org/h2/jdbc/JdbcStatement");
    }

    private void load(String name, byte[] bytes) throws Exception {
        prefilter.transform(null, getClass().getClassLoader(), name, null, null, bytes);
    }

    private static byte[] bytesOf(Class<?> type) throws Exception {
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            return in.readAllBytes();
        }
    }
}
