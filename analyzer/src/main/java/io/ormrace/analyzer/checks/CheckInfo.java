package io.ormrace.analyzer.checks;

import io.ormrace.core.Rule;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares which rule a check reports: its id, summary, severity and page come from {@link Rule}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CheckInfo {
    Rule rule();
}
