package io.ormrace.report;

import io.ormrace.core.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The pages of {@code docs/rules/}, packaged with the report writers as each rule's help. */
final class RulePages {

    private RulePages() {
    }

    static String markdown(Rule rule) {
        try (InputStream page = RulePages.class.getResourceAsStream("rules/" + rule.id() + ".md")) {
            if (page == null) {
                throw new IllegalStateException("the page of rule " + rule.id() + " is not packaged");
            }
            return new String(page.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
