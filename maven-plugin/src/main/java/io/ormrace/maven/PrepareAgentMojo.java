package io.ormrace.maven;

import io.ormrace.core.AgentOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Puts the ormrace agent on the project's tests, as {@code jacoco:prepare-agent} does: appends
 * {@code -javaagent:ormrace-agent.jar=...} to the {@code argLine} property that surefire and failsafe read, keeping
 * whatever the project already had there. The agent writes {@code target/ormrace/runtime.json} when the test JVM
 * exits; {@code ormrace:check} merges it into the build's reports.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends AbstractMojo {

    static final String AGENT = "io.ormrace:ormrace-agent";
    /** The JUnit extension's switch for attaching the agent itself when no -javaagent was given. */
    static final String ATTACH = "ormrace.attach";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    Map<String, Artifact> pluginArtifacts;

    /** The property the agent is added to. */
    @Parameter(property = "ormrace.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Where the agent writes its findings at JVM exit. */
    @Parameter(property = "ormrace.runtimeFile", defaultValue = "${project.build.directory}/ormrace/runtime.json")
    File runtimeFile;

    /** Package prefixes that count as application code (default: everything but libraries and frameworks). */
    @Parameter
    List<String> includes;

    /** Package prefixes that never count as application code, besides the libraries the agent knows. */
    @Parameter
    List<String> excludes;

    /** Bind values in reported SQL replaced by {@code ?}. */
    @Parameter(property = "ormrace.redact", defaultValue = "true")
    boolean redact;

    @Parameter(property = "ormrace.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        // a -DargLine on the command line wins over the project's property: extend whichever surefire will read
        Properties user = session.getUserProperties();
        Properties properties = user.containsKey(propertyName) ? user : project.getProperties();
        String existing = properties.getProperty(propertyName);
        if (skip) {
            // defined, so that @{argLine} in surefire's configuration still resolves; and the JUnit extension told not
            // to attach the agent itself
            String off = "-D" + ATTACH + "=false";
            properties.setProperty(propertyName, existing == null || existing.isBlank() ? off : withoutOurAgent(existing) + " " + off);
            getLog().info("ormrace: skipped");
            return;
        }
        Artifact agent = pluginArtifacts.get(AGENT);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("ormrace: the agent jar (" + AGENT + ") is missing from the plugin's dependencies");
        }
        List<Path> roots = new ArrayList<>();
        project.getCompileSourceRoots().forEach(root -> roots.add(Path.of(root)));
        project.getTestCompileSourceRoots().forEach(root -> roots.add(Path.of(root)));
        AgentOptions options = new AgentOptions(List.of(runtimeFile.toPath().toAbsolutePath()),
                includes == null ? List.of() : includes, excludes == null ? List.of() : excludes, redact, false, roots);
        String javaagent = quote("-javaagent:" + agent.getFile().getAbsolutePath() + "=" + options.format());

        String others = existing == null ? "" : withoutOurAgent(existing);
        String value = others.isBlank() ? javaagent : others + " " + javaagent;
        properties.setProperty(propertyName, value);
        getLog().info(propertyName + " set to " + value);
    }

    /** A second prepare-agent (another execution, a parent's and a child's) replaces the first one's agent. */
    static String withoutOurAgent(String argLine) {
        return OUR_AGENT.matcher(argLine).replaceAll("").replaceAll("\\s{2,}", " ").strip();
    }

    private static final Pattern OUR_AGENT = Pattern.compile(
            "\"-javaagent:[^\"]*ormrace-agent[^\"]*\"|-javaagent:\\S*ormrace-agent\\S*");

    /** Surefire splits the argLine on spaces and takes quotes away, unless the whole argument is in double quotes. */
    private static String quote(String argument) {
        return argument.contains(" ") || argument.contains("'") ? "\"" + argument + "\"" : argument;
    }
}
