package io.ormrace.agent.rules;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.Driver;
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

    private record Connect(WeakReference<Driver> driver, Properties info) {
    }

    private final Map<String, Connect> byUrl = new ConcurrentHashMap<>();

    /** The application connected: remembered once per URL. */
    public void connected(Object driver, String url, Object info) {
        if (!(driver instanceof Driver jdbc) || url == null || byUrl.containsKey(url) || byUrl.size() >= LIMIT) {
            return;
        }
        Properties copy = new Properties();
        if (info instanceof Properties properties) {
            properties.stringPropertyNames().forEach(name -> copy.setProperty(name, properties.getProperty(name)));
        }
        byUrl.put(url, new Connect(new WeakReference<>(jdbc), copy));
    }

    /**
     * A new connection to the database at {@code url}, for the caller to close; null if the agent cannot make one. A
     * driver may name its URL otherwise than it was given ({@code jdbc:h2:mem:x} for {@code jdbc:h2:mem:x;MODE=...}):
     * when the application connected to one database only, that one is taken.
     */
    public Connection open(String url) {
        Connect connect = url == null ? null : byUrl.get(url);
        if (connect == null && byUrl.size() == 1) {
            Map.Entry<String, Connect> only = byUrl.entrySet().iterator().next();
            url = only.getKey();
            connect = only.getValue();
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
