package io.ormrace.agent.state;

import java.util.function.Function;

/**
 * Where a statement was issued, kept as the stack captured when it ran and turned into the application's line only
 * if a finding names it. The JVM records a throwable's stack natively in a fraction of what walking the frames
 * costs (about 1 us against 3 us on a shallow stack, 4 us against 19 us at 60 frames deep, JDK 17), and most
 * statements never end up in a finding.
 */
public final class Caller {

    private final Throwable stack = new Stack();
    private final Function<Throwable, CallSite> resolver;
    private CallSite site;
    private boolean resolved;

    public Caller(Function<Throwable, CallSite> resolver) {
        this.resolver = resolver;
    }

    /** The application frame, or null if none was on the stack. */
    public synchronized CallSite site() {
        if (!resolved) {
            site = resolver.apply(stack);
            resolved = true;
        }
        return site;
    }

    /**
     * Frames of an ORM loading a collection of its parent ({@code pet.getVisits()} becomes {@code select ... from visit
     * where pet_id = ?}): such a select fetches the children of one parent, it does not look up the row inserted next.
     */
    private static final String[] COLLECTION_LOADERS = {"org.hibernate.collection.", "org.hibernate.loader.ast.internal.CollectionLoader",
        "org.hibernate.loader.collection.", "org.hibernate.event.internal.DefaultInitializeCollectionEventListener",
        "org.eclipse.persistence.internal.indirection.", "org.eclipse.persistence.indirection."};
    private static final String SPRING_DATA_JDBC_PATH_LOAD = "findAllByPath";

    /** Whether the statement was issued by an ORM filling a parent's collection; looked at only for a finding. */
    public boolean loadsCollection() {
        for (StackTraceElement frame : stack.getStackTrace()) {
            String name = frame.getClassName();
            for (String loader : COLLECTION_LOADERS) {
                if (name.startsWith(loader)) {
                    return true;
                }
            }
            if (frame.getMethodName().equals(SPRING_DATA_JDBC_PATH_LOAD) && name.startsWith("org.springframework.data.jdbc.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the statement was issued by an ORM merging a detached object ({@code session.merge(account)} reads the
     * row again before it copies the detached state over it): that read is not where the value written was read.
     */
    public boolean insideMerge() {
        for (StackTraceElement frame : stack.getStackTrace()) {
            String name = frame.getClassName();
            if (name.startsWith("org.hibernate.event.internal.DefaultMergeEventListener")
                    || name.startsWith("org.eclipse.persistence.internal.sessions.MergeManager")) {
                return true;
            }
        }
        return false;
    }

    private static final class Stack extends Throwable {
        Stack() {
            super(null, null, false, true);
        }
    }
}
