package io.ormrace.agent;

import io.ormrace.agent.state.CallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the application frame on the current stack. Walking the stack is the most expensive thing the agent does
 * (microseconds per call), so it is only done for statements a rule can use.
 */
final class CallSites {

    /** Code that is never the application: the JDK, drivers, pools, ORMs and frameworks, test runners, the agent. */
    static final List<String> LIBRARIES = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
            "org.hibernate.", "org.springframework.", "com.zaxxer.hikari.", "org.h2.", "org.postgresql.", "org.mariadb.",
            "com.mysql.", "oracle.jdbc.", "com.microsoft.sqlserver.", "org.apache.commons.dbcp2.", "org.apache.tomcat.jdbc.",
            "com.mchange.", "net.ttddyy.", "com.p6spy.", "org.jdbi.", "org.jooq.", "org.mybatis.", "org.apache.ibatis.",
            "org.flywaydb.", "liquibase.", "net.bytebuddy.", "io.ormrace.agent.", "org.junit.", "org.apache.maven.surefire.",
            "kotlin.", "scala.", "groovy.", "org.codehaus.groovy.");

    private static final StackWalker WALKER = StackWalker.getInstance();

    private final List<String> includes;
    private final List<String> excludes;

    CallSites(List<String> includes, List<String> excludes) {
        this.includes = List.copyOf(includes);
        List<String> all = new ArrayList<>(LIBRARIES);
        all.addAll(excludes);
        this.excludes = List.copyOf(all);
    }

    CallSite current() {
        // the class name is cheap; the line number builds a StackTraceElement, so it is asked of candidates only
        Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
                .filter(f -> isApplication(f.getClassName()) && f.getLineNumber() > 0).findFirst());
        return frame.map(f -> new CallSite(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()))
                .orElse(null);
    }

    private boolean isApplication(String name) {
        if (name.contains("$$") || name.contains("$Proxy")) {
            return false;
        }
        for (String library : excludes) {
            if (name.startsWith(library)) {
                return false;
            }
        }
        if (includes.isEmpty()) {
            return true;
        }
        for (String include : includes) {
            if (name.startsWith(include)) {
                return true;
            }
        }
        return false;
    }
}
