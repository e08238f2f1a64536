package io.ormrace.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** ormrace's own version, as the build stamped it. */
public final class Version {

    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("ormrace.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
