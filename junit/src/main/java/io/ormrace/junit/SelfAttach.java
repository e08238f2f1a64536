package io.ormrace.junit;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.Optional;

/**
 * With no {@code -javaagent} on the command line (an IDE's test runner, a Gradle build), the agent is attached to
 * the running JVM from the jar on the test class path, the way Mockito's inline mock maker attaches ByteBuddy's.
 * {@code -Dormrace.attach=false} turns it off; {@code -Dormrace.agent=OPTIONS} gives the agent its options (by
 * default {@code output=target/ormrace/runtime.json}). On JDK 21 and later the JVM warns that an agent was loaded
 * dynamically: {@code -XX:+EnableDynamicAgentLoading} silences it, as does {@code -javaagent} itself.
 */
final class SelfAttach {

    static final String ATTACH = "ormrace.attach";
    static final String OPTIONS = "ormrace.agent";
    private static final String AGENT_CLASS = "io/ormrace/agent/OrmraceAgent.class";

    private SelfAttach() {
    }

    /** Attaches the agent; what went wrong, if it could not. */
    static Optional<String> attach() {
        if ("false".equalsIgnoreCase(System.getProperty(ATTACH))) {
            return Optional.of("-D" + ATTACH + "=false");
        }
        Optional<File> jar = agentJar();
        if (jar.isEmpty()) {
            return Optional.of("io.ormrace:ormrace-agent is not on the test class path");
        }
        try {
            net.bytebuddy.agent.ByteBuddyAgent.attach(jar.get(), net.bytebuddy.agent.ByteBuddyAgent.ProcessProvider.ForCurrentVm.INSTANCE,
                    System.getProperty(OPTIONS, "output=" + new File("target/ormrace/runtime.json").getPath()));
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("attaching failed: " + e.getMessage());
        }
    }

    private static Optional<File> agentJar() {
        URL found = SelfAttach.class.getClassLoader().getResource(AGENT_CLASS);
        if (found == null || !"jar".equals(found.getProtocol())) {
            return Optional.empty();
        }
        String path = found.getPath(); // file:/.../ormrace-agent.jar!/io/ormrace/agent/OrmraceAgent.class
        try {
            return Optional.of(new File(URI.create(path.substring(0, path.indexOf("!/")))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
