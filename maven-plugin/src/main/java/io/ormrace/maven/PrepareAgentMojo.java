package io.ormrace.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
        if (skip) {
            getLog().info("ormrace: skipped");
            return;
        }
        Artifact agent = pluginArtifacts.get(AGENT);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("ormrace: the agent jar (" + AGENT + ") is missing from the plugin's dependencies");
        }
        List<String> options = new ArrayList<>();
        options.add("output=" + runtimeFile.getAbsolutePath());
        if (includes != null && !includes.isEmpty()) {
            options.add("include=" + String.join(":", includes));
        }
        if (excludes != null && !excludes.isEmpty()) {
            options.add("exclude=" + String.join(":", excludes));
        }
        options.add("redact=" + redact);
        List<String> roots = new ArrayList<>(project.getCompileSourceRoots());
        roots.addAll(project.getTestCompileSourceRoots());
        options.add("sources=" + String.join(File.pathSeparator, roots));
        String javaagent = quote("-javaagent:" + agent.getFile().getAbsolutePath() + "=" + String.join(",", options));

        // a -DargLine on the command line wins over the project's property: extend whichever surefire will read
        Properties user = session.getUserProperties();
        Properties properties = user.containsKey(propertyName) ? user : project.getProperties();
        String existing = properties.getProperty(propertyName);
        String value = existing == null || existing.isBlank() ? javaagent : existing + " " + javaagent;
        properties.setProperty(propertyName, value);
        getLog().info(propertyName + " set to " + value);
    }

    /** Surefire splits the argLine on spaces, unless quoted. */
    private static String quote(String argument) {
        return argument.contains(" ") ? "\"" + argument + "\"" : argument;
    }
}
