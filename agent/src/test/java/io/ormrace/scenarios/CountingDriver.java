package io.ormrace.scenarios;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/** {@code jdbc:counting:mem:x} is H2's {@code jdbc:h2:mem:x}, through a {@link CountingConnection}. */
public final class CountingDriver implements Driver {

    private static final String PREFIX = "jdbc:counting:";

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Opens a connection whose log the caller reads. */
    static CountingConnection open(String url) throws SQLException {
        return (CountingConnection) DriverManager.getConnection(url, "sa", "");
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection h2 = new org.h2.Driver().connect("jdbc:h2:" + url.substring(PREFIX.length()), info);
        return new CountingConnection(h2, Collections.synchronizedList(new ArrayList<>()));
    }

    /** Metadata calls that take arguments ask the database (keys, indexes, tables); the rest is the driver's own. */
    static DatabaseMetaData metadata(DatabaseMetaData real, List<String> log) {
        return (DatabaseMetaData) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, arguments) -> {
                    if (arguments != null && arguments.length > 0) {
                        log.add("metadata " + method.getName());
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
