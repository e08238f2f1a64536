package io.ormrace.maven;

import io.ormrace.analyzer.Analyzer;
import io.ormrace.analyzer.Problem;
import io.ormrace.core.Baseline;
import io.ormrace.core.Finding;
import io.ormrace.core.Severity;
import io.ormrace.core.SourceLines;
import io.ormrace.core.Suppressions;
import io.ormrace.core.Version;
import io.ormrace.report.Format;
import io.ormrace.report.Notice;
import io.ormrace.report.Report;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Analyzes the project's main sources and resources (migrations, schema files), merges the runtime findings the
 * agent wrote during the tests, writes the reports to {@code target/ormrace/}, and fails the build on findings at or
 * above {@code failOn} that the baseline does not know.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public final class CheckMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** {@code error}, {@code warning} or {@code never}. */
    @Parameter(property = "ormrace.failOn", defaultValue = "warning")
    String failOn;

    /** Report formats written to the output directory as {@code ormrace.<ext>}: html, sarif, json, text. */
    @Parameter(property = "ormrace.formats", defaultValue = "html,sarif,json")
    List<String> formats;

    @Parameter(property = "ormrace.outputDirectory", defaultValue = "${project.build.directory}/ormrace")
    File outputDirectory;

    @Parameter(property = "ormrace.skip", defaultValue = "false")
    boolean skip;

    /** Glob patterns of files not to analyze, relative to their source root: {@code **}{@code /generated/**}. */
    @Parameter
    List<String> excludes;

    /** Analyze the test sources and test resources too; test code is left out by default. */
    @Parameter(property = "ormrace.includeTests", defaultValue = "false")
    boolean includeTests;

    /**
     * Models of the project's own persistence methods the analyzer cannot see into, one method a line (see the
     * README); by default {@code ormrace.models} in the project's directory, when it is there.
     */
    @Parameter(property = "ormrace.models")
    List<File> models;

    /** Findings recorded here are accepted: they are counted, not reported, and do not fail the build. */
    @Parameter(property = "ormrace.baseline")
    File baseline;

    /** Records today's findings in {@code baseline} (default {@code ormrace-baseline.txt}) instead of failing. */
    @Parameter(property = "ormrace.writeBaseline", defaultValue = "false")
    boolean writeBaseline;

    /** The agent's findings from the test run (see {@code ormrace:prepare-agent}); merged when present. */
    @Parameter(property = "ormrace.runtimeFile", defaultValue = "${project.build.directory}/ormrace/runtime.json")
    File runtimeFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ormrace: skipped");
            return;
        }
        Severity threshold = threshold();
        List<Format> chosen = chosenFormats();
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<Path> sourceRoots = existing(project.getCompileSourceRoots());
        List<Path> inputs = new ArrayList<>(sourceRoots);
        inputs.addAll(existing(project.getResources().stream().map(Resource::getDirectory).toList()));
        if (includeTests) {
            inputs.addAll(existing(project.getTestCompileSourceRoots()));
            inputs.addAll(existing(project.getTestResources().stream().map(Resource::getDirectory).toList()));
        }
        if (inputs.isEmpty()) {
            getLog().info("ormrace: no sources to analyze");
        }

        List<Finding> findings = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        try {
            Analyzer.Result result = new Analyzer(basedir, Analyzer.Options.defaults().withTests(includeTests)
                    .withModels(modelFiles(basedir)).withClasspath(classpath())).analyze(filtered(inputs));
            findings.addAll(result.findings());
            result.problems().forEach(problem -> notices.add(notice(problem)));
            result.problems().forEach(problem -> getLog().warn("ormrace: " + basedir.resolve(problem.file()).normalize()
                    + (problem.line() > 0 ? ":" + problem.line() : "") + ": " + problem.message()));
            if (result.suppressed() > 0) {
                notices.add(new Notice("note", "", 0, result.suppressed() + " finding(s) suppressed in source"));
            }
            getLog().info("ormrace: " + result.javaFiles() + " Java files and " + result.schemaFiles()
                    + " schema files analyzed" + (result.schemaFiles() > 0 ? " (" + result.schemaSummary() + ")" : "")
                    + ", " + result.findings().size() + " static finding(s)"
                    + (result.errors() > 0 ? "; " + result.errors() + " part(s) of the code could not be analyzed" : ""));
        } catch (IOException e) {
            throw new MojoExecutionException("ormrace: cannot analyze " + basedir + ": " + e.getMessage(), e);
        }
        findings.addAll(runtimeFindings(basedir, notices));
        findings.sort(Comparator.comparing((Finding f) -> f.location().path()).thenComparingInt(f -> f.location().line())
                .thenComparing(f -> f.origin()));

        Path baselineFile = (baseline != null ? baseline : new File(project.getBasedir(), "ormrace-baseline.txt")).toPath();
        if (writeBaseline) {
            try {
                Baseline.write(baselineFile, findings);
            } catch (IOException e) {
                throw new MojoExecutionException("ormrace: cannot write the baseline " + baselineFile, e);
            }
            getLog().info("ormrace: baseline of " + findings.size() + " finding(s) written to " + baselineFile);
            return;
        }
        List<Finding> fresh = findings;
        int baselined = 0;
        if (baseline != null) {
            if (!Files.isRegularFile(baselineFile)) {
                throw new MojoExecutionException("ormrace: baseline not found: " + baselineFile
                        + " (record one with -Dormrace.writeBaseline)");
            }
            try {
                Baseline.Split split = Baseline.read(baselineFile).split(findings);
                fresh = split.fresh();
                baselined = split.baselined().size();
            } catch (IOException e) {
                throw new MojoExecutionException("ormrace: cannot read the baseline " + baselineFile, e);
            }
            notices.add(new Notice("note", baselineFile.toString(), 0, baselined
                    + " baselined finding(s) remain, not reported"));
        }

        Report report = new Report(Version.current(), fresh, notices, SourceLines.under(List.of(basedir)));
        List<Path> written = write(report, chosen);
        log(fresh, threshold, basedir);
        if (baseline != null) {
            getLog().info("ormrace: " + baselined + " baselined finding(s) remain (" + baselineFile.getFileName() + ")");
        }
        long failing = threshold == null ? 0 : fresh.stream().filter(f -> f.severity().isAtLeast(threshold)).count();
        String where = written.isEmpty() ? "" : "; reports: " + written.get(0).getParent();
        if (failing > 0) {
            throw new MojoFailureException("ormrace: " + failing + " race(s) found at or above " + failOn + where
                    + " (rules: docs/rules/<rule-id>.md)");
        }
        getLog().info("ormrace: " + fresh.size() + " finding(s)" + where);
    }

    private Severity threshold() throws MojoExecutionException {
        if (failOn.equalsIgnoreCase("never")) {
            return null;
        }
        try {
            return Severity.valueOf(failOn.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("ormrace: unknown failOn '" + failOn + "': use error, warning or never");
        }
    }

    private List<Format> chosenFormats() throws MojoExecutionException {
        List<Format> chosen = new ArrayList<>();
        for (String name : formats) {
            Format format = Format.byName(name.trim()).orElse(null);
            if (format == null) {
                throw new MojoExecutionException("ormrace: unknown format '" + name + "': use html, sarif, json or text");
            }
            chosen.add(format);
        }
        return chosen;
    }

    private static List<Path> existing(List<String> directories) {
        return directories.stream().map(Path::of).filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize())
                .distinct().toList();
    }

    /** The roots as they are, or, with excludes, the files of each root that no pattern matches. */
    private List<Path> filtered(List<Path> roots) throws IOException {
        if (excludes == null || excludes.isEmpty()) {
            return roots;
        }
        List<PathMatcher> matchers = excludes.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(file -> matchers.stream().noneMatch(m -> m.matches(root.relativize(file))))
                        .forEach(files::add);
            }
        }
        return files;
    }

    private List<Finding> runtimeFindings(Path basedir, List<Notice> notices) throws MojoExecutionException {
        if (runtimeFile == null || !runtimeFile.isFile()) {
            return List.of();
        }
        List<Path> roots = new ArrayList<>(existing(project.getCompileSourceRoots()));
        roots.addAll(existing(project.getTestCompileSourceRoots()));
        try {
            Report runtime = new RuntimeFindings(basedir, roots).read(runtimeFile.toPath());
            notices.addAll(runtime.notices());
            List<Finding> kept = new Suppressions(SourceLines.under(List.of(basedir))).unsuppressed(runtime.findings());
            getLog().info("ormrace: " + kept.size() + " runtime finding(s) from " + runtimeFile);
            return kept;
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("ormrace: cannot read the runtime findings " + runtimeFile + ": "
                    + e.getMessage(), e);
        }
    }

    private List<Path> write(Report report, List<Format> chosen) throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        Path directory = outputDirectory.toPath();
        for (Format format : chosen) {
            Path file = directory.resolve("ormrace" + format.extension());
            try {
                Files.createDirectories(directory);
                Files.writeString(file, format.write(report), StandardCharsets.UTF_8);
                written.add(file);
            } catch (IOException e) {
                throw new MojoExecutionException("ormrace: cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        return written;
    }

    /** javac style, one line each, so that IDE consoles link them: {@code file:line:col [rule] message}. */
    private void log(List<Finding> findings, Severity threshold, Path basedir) {
        for (Finding finding : findings) {
            String where = !finding.location().known() ? finding.location() + " " + finding.anchor()
                    : basedir.resolve(finding.location().path()).normalize() + ":" + finding.location().line()
                            + (finding.location().column() > 0 ? ":" + finding.location().column() : "");
            String line = where + " ["
                    + finding.rule().id() + "] " + finding.message()
                    + (finding.count() > 1 ? " (seen " + finding.count() + " times)" : "");
            String fix = finding.firstFix().map(f -> "    fix: " + f.title()).orElse(null);
            if (threshold != null && finding.severity().isAtLeast(threshold)) {
                getLog().error(line);
                if (fix != null) {
                    getLog().error(fix);
                }
            } else {
                getLog().warn(line);
                if (fix != null) {
                    getLog().warn(fix);
                }
            }
        }
    }

    private static Notice notice(Problem problem) {
        return new Notice(problem.level().name().toLowerCase(Locale.ROOT), problem.file(), problem.line(), problem.message());
    }

    private List<Path> modelFiles(Path basedir) throws MojoExecutionException {
        if (models == null || models.isEmpty()) {
            Path standard = basedir.resolve("ormrace.models");
            return java.nio.file.Files.isRegularFile(standard) ? List.of(standard) : List.of();
        }
        List<Path> files = new ArrayList<>();
        for (File model : models) {
            if (!model.isFile()) {
                throw new MojoExecutionException("ormrace: models file not found: " + model);
            }
            files.add(model.toPath());
        }
        return files;
    }

    /** The compile classpath without the module's own output: the jars and modules whose entities its sources use. */
    private List<Path> classpath() {
        List<Path> entries = new ArrayList<>();
        try {
            String output = project.getBuild().getOutputDirectory();
            for (String element : project.getCompileClasspathElements()) {
                if (!element.equals(output)) {
                    entries.add(Path.of(element));
                }
            }
        } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            getLog().warn("ormrace: the compile classpath is not resolved; entities of dependencies are not known: " + e.getMessage());
        }
        return entries;
    }
}
