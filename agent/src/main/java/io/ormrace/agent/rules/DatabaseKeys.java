package io.ormrace.agent.rules;

import io.ormrace.agent.state.ConnectionState;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The primary key and unique indexes of a table, learned from the database itself ({@code DatabaseMetaData}) the
 * first time a rule needs them and cached per database and table. Asked only on the rare path where a rule is about
 * to report, so the metadata queries never weigh on ordinary statements.
 */
public final class DatabaseKeys {

    private static final int LIMIT = 10_000;

    /** Every unique column set of a table; the primary key first. Empty when the database would not say. */
    public record Keys(Set<String> primaryKey, List<Set<String>> unique, boolean known) {
    }

    private final Map<String, Keys> cache = new ConcurrentHashMap<>();
    private final OwnConnections own;

    public DatabaseKeys(OwnConnections own) {
        this.own = own;
    }

    public Keys of(ConnectionState connection, String table) {
        if (!(connection.handle() instanceof Connection jdbc)) {
            return new Keys(Set.of(), List.of(), false);
        }
        String database = connection.database();
        if (database == null) {
            try {
                database = jdbc.getMetaData().getURL(); // the driver's own state: no statement reaches the database
            } catch (SQLException | RuntimeException e) {
                return new Keys(Set.of(), List.of(), false);
            }
            connection.database(database);
        }
        String key = database + "|" + table;
        Keys keys = cache.get(key);
        if (keys == null) {
            keys = read(database, jdbc, connection, table);
            if (keys == null) {
                return new Keys(Set.of(), List.of(), false); // not now: asked again the next time
            }
            if (cache.size() > LIMIT) {
                cache.clear();
            }
            cache.put(key, keys);
        }
        return keys;
    }

    /**
     * On a connection of the agent's own; else, where the agent could not make one (a data source that builds its
     * connections without a driver), on the application's connection, but only while no transaction of the
     * application's is open on it. Null: the keys cannot be read now.
     */
    private Keys read(String url, Connection application, ConnectionState state, String table) {
        try (Connection connection = own.open(application, url)) {
            if (connection != null) {
                return read(connection, table);
            }
        } catch (SQLException | RuntimeException e) {
            return new Keys(Set.of(), List.of(), false);
        }
        return state.autoCommit() ? read(application, table) : null;
    }

    private static Keys read(Connection jdbc, String table) {
        try {
            DatabaseMetaData metadata = jdbc.getMetaData();
            String catalog = jdbc.getCatalog();
            for (String name : new LinkedHashSet<>(List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)))) {
                Set<String> primaryKey = new HashSet<>();
                try (ResultSet rows = metadata.getPrimaryKeys(catalog, null, name)) {
                    while (rows.next()) {
                        primaryKey.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                Map<String, Set<String>> indexes = new TreeMap<>();
                try (ResultSet rows = metadata.getIndexInfo(catalog, null, name, true, true)) {
                    while (rows.next()) {
                        String column = rows.getString("COLUMN_NAME");
                        String index = rows.getString("INDEX_NAME");
                        if (column != null && !rows.getBoolean("NON_UNIQUE")) {
                            indexes.computeIfAbsent(String.valueOf(index), i -> new HashSet<>())
                                    .add(column.toLowerCase(Locale.ROOT));
                        }
                    }
                }
                if (!primaryKey.isEmpty() || !indexes.isEmpty()) {
                    List<Set<String>> unique = new ArrayList<>();
                    if (!primaryKey.isEmpty()) {
                        unique.add(primaryKey);
                    }
                    unique.addAll(indexes.values());
                    return new Keys(primaryKey, unique, true);
                }
            }
            return new Keys(Set.of(), List.of(), true);
        } catch (SQLException | RuntimeException e) {
            return new Keys(Set.of(), List.of(), false);
        }
    }

}
