package io.ormrace.agent.rules;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.Driver;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections of the agent's own, to the databases the application connected to: made with the application's own
 * driver, URL and properties, as seen when it connected. The agent asks them for a table's keys, so that no metadata
 * query ever enters the application's connections or transactions. The driver is held weakly.
 */
public final class OwnConnections {

    private static final int LIMIT = 64;

    private record Connect(WeakReference<Driver> driver, Properties info, String url) {
    }

    private final Map<String, Connect> byUrl = new ConcurrentHashMap<>();
    /** The physical connections the drivers made, weakly: a pool's proxy unwraps to one of them. */
    private final io.ormrace.agent.state.WeakIdentityMap<Object, Connect> byConnection = new io.ormrace.agent.state.WeakIdentityMap<>();

    /**
     * The connection made to the same database under another spelling of its URL: the same URL without its settings
     * ({@code ;DB_CLOSE_DELAY=-1}, {@code ?sslmode=...}); else the one connection made with the same driver kind
     * ({@code jdbc:mariadb:}); else, if the application connected to one database only, that one.
     */
    private Map.Entry<String, Connect> match(String url) {
        if (url != null) {
            for (Map.Entry<String, Connect> known : byUrl.entrySet()) {
                if (base(known.getKey()).equalsIgnoreCase(base(url))) {
                    return known;
                }
            }
            List<Map.Entry<String, Connect>> sameKind = byUrl.entrySet().stream()
                    .filter(known -> kind(known.getKey()).equals(kind(url))).toList();
            if (sameKind.size() == 1) {
                return sameKind.get(0);
            }
        }
        return byUrl.size() == 1 ? byUrl.entrySet().iterator().next() : null;
    }

    private static String base(String url) {
        int settings = url.length();
        for (char c : new char[] {';', '?'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < settings) {
                settings = at;
            }
        }
        return url.substring(0, settings);
    }

    private static String kind(String url) {
        int second = url.indexOf(':', url.indexOf(':') + 1);
        return second < 0 ? url : url.substring(0, second);
    }

    /** The application connected: remembered once per URL. */
    public void connected(Object driver, String url, Object info, Object connection) {
        if (!(driver instanceof Driver jdbc) || url == null) {
            return;
        }
        Connect known = byUrl.get(url);
        if (known == null) {
            Properties copy = new Properties();
            if (info instanceof Properties properties) {
                properties.stringPropertyNames().forEach(name -> copy.setProperty(name, properties.getProperty(name)));
            }
            known = new Connect(new WeakReference<>(jdbc), copy, url);
            if (byUrl.size() < LIMIT) {
                byUrl.put(url, known);
            }
        }
        if (connection != null) {
            byConnection.put(connection, known);
        }
    }

    /**
     * A new connection to the database the application's connection is on, for the caller to close, or null: found
     * by the connection itself, or the physical one a pool's proxy wraps ({@code unwrap}, the proxy's own state),
     * else by the URL its driver reports.
     */
    public Connection open(Connection application, String url) {
        Connect connect = byConnection.get(application);
        if (connect == null) {
            try {
                if (application.isWrapperFor(Connection.class)) {
                    connect = byConnection.get(application.unwrap(Connection.class));
                }
            } catch (Exception | LinkageError e) {
                // a wrapper that will not say: the URL then
            }
        }
        return connect != null ? open(connect) : open(url);
    }

    private static Connection open(Connect connect) {
        Driver driver = connect.driver().get();
        if (driver == null) {
            return null;
        }
        try {
            return driver.connect(connect.url(), connect.info());
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /**
     * A new connection to the database at {@code url}, for the caller to close; null if the agent cannot make one. A
     * driver may name its URL otherwise than it was given ({@code jdbc:h2:mem:x} for {@code jdbc:h2:mem:x;MODE=...}):
     * when the application connected to one database only, that one is taken.
     */
    public Connection open(String url) {
        Connect connect = url == null ? null : byUrl.get(url);
        if (connect == null) {
            Map.Entry<String, Connect> match = match(url);
            if (match != null) {
                url = match.getKey();
                connect = match.getValue();
            }
        }
        Driver driver = connect == null ? null : connect.driver().get();
        if (driver == null) {
            return null;
        }
        try {
            return driver.connect(url, connect.info());
        } catch (Exception | LinkageError e) {
            return null;
        }
    }
}
