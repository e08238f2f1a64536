package io.ormrace.agent.rules;

import io.ormrace.agent.state.CallSite;
import io.ormrace.agent.state.Caller;

/** What every runtime rule gets from the recorder besides the statement itself. */
public interface RuleContext {

    /** Where the statement being handled was issued: the stack is captured when first asked, resolved later. */
    Caller caller();

    /** The application line issuing the statement being handled. */
    default CallSite site() {
        return caller().site();
    }

    DatabaseKeys keys();

    Redaction redaction();
}
