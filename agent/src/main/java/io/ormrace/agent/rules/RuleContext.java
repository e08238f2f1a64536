package io.ormrace.agent.rules;

import io.ormrace.agent.state.CallSite;

/** What every runtime rule gets from the recorder besides the statement itself. */
public interface RuleContext {

    /** The application line issuing the statement being handled; walked only when asked. */
    CallSite site();

    DatabaseKeys keys();

    Redaction redaction();
}
