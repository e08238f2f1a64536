package io.ormrace.agent.rules;

import io.ormrace.agent.state.CallSite;
import io.ormrace.core.SourceLocation;

/** Call sites in messages and evidence, including the case where no application frame was on the stack. */
final class Sites {

    private Sites() {
    }

    static SourceLocation location(CallSite site) {
        return site == null ? null : site.location();
    }

    /** Where a developer goes for one statement: its line, or a data access class's caller. */
    static SourceLocation primary(CallSite site) {
        return site == null ? SourceLocation.NO_APPLICATION_FRAME : site.primary().location();
    }

    /**
     * Where a developer goes for a race between two statements (the read and the write, the lookup and the insert):
     * the method on both call paths that does one and then the other. It must exist, even if no frame was found.
     */
    static SourceLocation primary(CallSite first, CallSite second) {
        CallSite primary = primarySite(first, second);
        return primary == null ? SourceLocation.NO_APPLICATION_FRAME : primary.location();
    }

    static String anchor(String table, CallSite site) {
        return site == null ? table : site.primary().anchor();
    }

    static String anchor(String table, CallSite first, CallSite second) {
        CallSite primary = primarySite(first, second);
        return primary == null ? table : primary.anchor();
    }

    private static CallSite primarySite(CallSite first, CallSite second) {
        if (first == null) {
            return second == null ? null : second.primary();
        }
        return second == null ? first.primary() : first.primaryWith(second);
    }

    /** The line and the application lines that called it. */
    static String describe(CallSite site) {
        return site == null ? "(no application frame)" : site.path();
    }

    /** One finding per path through a DAO: two services calling one DAO line are two findings. */
    static String key(CallSite site) {
        return site == null ? "-" : keyOf(site, site.primary());
    }

    /** One finding per statement and the method that orchestrates it with the other statement. */
    static String key(CallSite first, CallSite second) {
        return first == null ? "-" : keyOf(first, primarySite(first, second));
    }

    private static String keyOf(CallSite site, CallSite primary) {
        return site.className() + ":" + site.line() + (primary == site ? "" : "<" + primary.className() + ":" + primary.line());
    }
}
