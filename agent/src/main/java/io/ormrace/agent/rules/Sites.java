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

    /** The first known of the sites: the primary location of a finding must exist, even if no frame was found. */
    static SourceLocation primary(CallSite... sites) {
        for (CallSite site : sites) {
            if (site != null) {
                return site.primary().location();
            }
        }
        return SourceLocation.NO_APPLICATION_FRAME;
    }

    static String anchor(String table, CallSite... sites) {
        for (CallSite site : sites) {
            if (site != null) {
                return site.primary().anchor();
            }
        }
        return table;
    }

    /** The line and the application lines that called it. */
    static String describe(CallSite site) {
        return site == null ? "(no application frame)" : site.path();
    }

    /** One finding per path through a DAO: two services calling one DAO line are two findings. */
    static String key(CallSite site) {
        if (site == null) {
            return "-";
        }
        CallSite primary = site.primary();
        return site.className() + ":" + site.line() + (primary == site ? "" : "<" + primary.className() + ":" + primary.line());
    }
}
