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
 * {@code junit-platform.properties}), so modules never share tables; {@code ormrace.samples.h2.settings} adds H2
 * settings such as {@code ;MODE=PostgreSQL} for a module whose application runs H2 that way.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EveryDatabaseExtension.class)
public @interface EveryDatabase {
}
