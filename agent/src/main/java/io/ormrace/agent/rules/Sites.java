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
                return site.location();
            }
        }
        return SourceLocation.NO_APPLICATION_FRAME;
    }

    static String anchor(String table, CallSite... sites) {
        for (CallSite site : sites) {
            if (site != null) {
                return site.anchor();
            }
        }
        return table;
    }

    static String describe(CallSite site) {
        return site == null ? "(no application frame)" : site.toString();
    }

    static String key(CallSite site) {
        return site == null ? "-" : site.className() + ":" + site.line();
    }
}
