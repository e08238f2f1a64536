package io.ormrace.samples.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once on each {@link Database}, handing it a {@link TestDatabase} parameter. The database name
 * comes from the configuration parameter {@code ormrace.samples.database} (each sample module sets its own in
 * {@code junit-platform.properties}), so modules never share tables.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EveryDatabaseExtension.class)
public @interface EveryDatabase {
}
