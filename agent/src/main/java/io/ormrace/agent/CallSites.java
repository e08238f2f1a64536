package io.ormrace.agent;

import io.ormrace.agent.state.CallSite;
import io.ormrace.agent.state.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Finds the application frame on a captured stack: the first one outside drivers, pools, frameworks and the JDK. */
final class CallSites {

    /** Code that is never the application: the JDK, drivers, pools, ORMs and frameworks, test runners, the agent. */
    static final List<String> LIBRARIES = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
            "org.hibernate.", "org.springframework.", "com.zaxxer.hikari.", "org.h2.", "org.postgresql.", "org.mariadb.",
            "com.mysql.", "oracle.jdbc.", "com.microsoft.sqlserver.", "org.apache.commons.dbcp2.", "org.apache.tomcat.jdbc.",
            "com.mchange.", "net.ttddyy.", "com.p6spy.", "org.jdbi.", "org.jooq.", "org.mybatis.", "org.apache.ibatis.",
            "org.flywaydb.", "liquibase.", "net.bytebuddy.", "io.ormrace.agent.", "org.junit.", "org.apache.maven.surefire.",
            "kotlin.", "scala.", "groovy.", "org.codehaus.groovy.");

    private final List<String> includes;
    private final List<String> excludes;

    /**
     * @param includes  packages that are the application, even below a built-in library prefix
     *                  ({@code org.springframework.samples}); when given, nothing else is
     * @param excludes  packages that are not, beside the built-in ones; an exclusion wins over an inclusion
     */
    CallSites(List<String> includes, List<String> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    /** Sites of stacks already resolved, by stack; cleared when full. */
    private final Map<Backtraces.Key, Optional<CallSite>> resolved = new ConcurrentHashMap<>();
    private final Function<Throwable, CallSite> resolver = this::resolve;

    /** The current stack, to be resolved later if needed. */
    Caller capture() {
        return new Caller(resolver);
    }

    private CallSite resolve(Throwable stack) {
        Backtraces.Key key = Backtraces.of(stack);
        if (key == null) {
            return resolve(stack.getStackTrace());
        }
        Optional<CallSite> site = resolved.get(key);
        if (site == null) {
            if (resolved.size() >= 4096) {
                resolved.clear();
            }
            site = Optional.ofNullable(resolve(stack.getStackTrace()));
            resolved.put(key, site);
        }
        return site.orElse(null);
    }

    /** How many distinct stacks were resolved (while cached). */
    int resolvedStacks() {
        return resolved.size();
    }

    /** How many application frames above the first are kept, to show where a DAO's statement came from. */
    private static final int CALLERS = 4;

    CallSite resolve(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            StackTraceElement frame = frames[i];
            if (frame.getLineNumber() > 0 && isApplication(frame.getClassName())) {
                List<CallSite> callers = new java.util.ArrayList<>();
                for (int j = i + 1; j < frames.length && callers.size() < CALLERS; j++) {
                    StackTraceElement caller = frames[j];
                    if (caller.getLineNumber() > 0 && isApplication(caller.getClassName())) {
                        callers.add(new CallSite(caller.getClassName(), caller.getMethodName(), caller.getFileName(),
                                caller.getLineNumber()));
                    }
                }
                return new CallSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber(),
                        callers);
            }
        }
        return null;
    }

    boolean isApplication(String name) {
        if (name.contains("$$") || name.contains("$Proxy") || startsWithAny(name, excludes)) {
            return false;
        }
        if (!includes.isEmpty()) {
            return startsWithAny(name, includes);
        }
        return !startsWithAny(name, LIBRARIES);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
