package io.ormrace.analyzer.cli;

import io.ormrace.analyzer.Analyzer;
import io.ormrace.analyzer.Problem;
import io.ormrace.core.Baseline;
import io.ormrace.core.Finding;
import io.ormrace.core.SourceLines;
import io.ormrace.core.Severity;
import io.ormrace.core.Version;
import io.ormrace.report.Format;
import io.ormrace.report.Notice;
import io.ormrace.report.Report;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code java -jar ormrace.jar [options] PATH...}: analyze, report, and exit 0 (clean), 1 (findings) or 2 (error). */
@Command(name = "ormrace", mixinStandardHelpOptions = true, versionProvider = OrmraceCommand.VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Finds lost updates, racy get-or-create, unhandled unique violations and locks outside "
                + "transactions in Java database code (JPA, Hibernate, Spring Data, JDBC).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
                "2:usage or I/O error (a file or construct the analyzer fails on is reported and skipped; "
                        + "it does not change the exit code)"})
public final class OrmraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|sarif|json|html",
            description = "Report format (default: text, or each --output file's extension).")
    String format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output; repeatable, e.g. a.sarif and a.json.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "CP",
            description = "Jars and class folders the sources depend on (path-separator separated): the JPA entities "
                    + "in them (a domain module built apart) are known to the analysis.")
    String classpath;

    @Option(names = "--models", paramLabel = "FILE",
            description = "Models of your own persistence methods the analyzer cannot see into, one method a line "
                    + "(repeatable; ormrace.models files below PATH are read too). See the README.")
    List<Path> models = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "error|warning|never", defaultValue = "warning",
            description = "Exit 1 when a finding is at or above this severity (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Findings recorded in FILE (by --write-baseline) are reported as baselined and do not fail.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record today's findings in FILE as the baseline, and exit 0.")
    Path writeBaseline;

    @Option(names = "--include-tests",
            description = "Analyze test source roots too (src/test, src/it, src/testFixtures, src/*Test); left out by default.")
    boolean includeTests;

    @Option(names = {"-v", "--verbose"},
            description = "List the schema files read and the first frames of each internal error.")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Source roots, .java files, and schema files or folders.")
    List<Path> paths;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs the command with the given streams; the exit code is returned, not taken. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new OrmraceCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("ormrace: " + e.getMessage());
            return 2;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Format chosen = format == null ? null : Format.byName(format).orElse(null);
        if (format != null && chosen == null) {
            return usage(err, "unknown --format '" + format + "': use text, sarif, json or html");
        }
        Severity threshold = null;
        if (!failOn.equalsIgnoreCase("never")) {
            try {
                threshold = Severity.valueOf(failOn.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return usage(err, "unknown --fail-on '" + failOn + "': use error, warning or never");
            }
        }
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
                    return usage(err, "classpath entry not found: " + entry);
                }
            }
        }
        for (Path model : models) {
            if (!Files.isRegularFile(model)) {
                return usage(err, "models file not found: " + model);
            }
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            return usage(err, "baseline not found: " + baseline + " (record one with --write-baseline)");
        }
        Analyzer.Result result;
        try {
            List<Path> classpathEntries = classpath == null ? List.of() : java.util.Arrays.stream(classpath.split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank()).map(Path::of).toList();
            result = new Analyzer(Path.of(""), Analyzer.Options.defaults().withTests(includeTests).withModels(models)
                    .withClasspath(classpathEntries)).analyze(paths);
        } catch (IOException e) {
            err.println("ormrace: " + e.getMessage());
            return 2;
        }
        if (writeBaseline != null) {
            Baseline.write(writeBaseline, result.findings());
            err.println("ormrace: baseline of " + result.findings().size() + " findings written to " + writeBaseline);
            return 0;
        }
        List<Finding> findings = result.findings();
        List<Notice> notices = new ArrayList<>(result.problems().stream().map(OrmraceCommand::notice).toList());
        if (baseline != null) {
            Baseline.Split split = Baseline.read(baseline).split(findings);
            findings = split.fresh();
            notices.add(new Notice("note", baseline.toString(), 0, split.baselined().size()
                    + " baselined finding(s) remain, not reported; " + split.fresh().size() + " new"));
        }
        if (verbose) {
            err.println("ormrace: parsed " + result.parsedFiles() + " of " + result.javaFiles() + " Java files (the rest "
                    + "neither use a database API nor hold, extend or implement a type of a file that does)");
            result.schemaSources().forEach(source -> err.println("ormrace: schema read from " + source.path()
                    + " (" + source.kind().label() + ")"));
        }
        Report report = new Report(Version.current(), findings, notices, SourceLines.under(List.of(Path.of(""))));
        if (outputs.isEmpty()) {
            spec.commandLine().getOut().print((chosen != null ? chosen : Format.TEXT).write(report));
            spec.commandLine().getOut().flush();
        } else {
            for (Path output : outputs) {
                Format fileFormat = chosen != null ? chosen : Format.forFile(output.getFileName().toString()).orElse(Format.TEXT);
                try {
                    Path parent = output.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    Files.writeString(output, fileFormat.write(report), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("ormrace: cannot write " + output + ": " + e.getMessage());
                    return 2;
                }
            }
            printProblems(err, result);
            err.println(summary(findings.size(), result) + ", written to "
                    + outputs.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        if (outputs.isEmpty() && verbose) {
            printTraces(err, result);
        }
        if (outputs.isEmpty()) {
            err.println(summary(findings.size(), result));
        }
        Severity failAt = threshold;
        boolean fail = failAt != null && findings.stream().map(Finding::severity).anyMatch(s -> s.isAtLeast(failAt));
        return fail ? 1 : 0;
    }

    /** One line: findings, files, schema by kind, and what could not be analyzed. */
    static String summary(int findings, Analyzer.Result result) {
        long errors = result.errors();
        long warnings = result.problems().size() - errors;
        return "ormrace: " + findings + " findings in " + result.javaFiles() + " Java files and " + result.schemaFiles()
                + " schema files" + (result.schemaFiles() > 0 ? " (" + result.schemaSummary() + ")" : "")
                + (errors > 0 ? "; " + errors + " error(s): parts of the code not analyzed" : "")
                + (warnings > 0 ? "; " + warnings + " warning(s)" : "");
    }

    private void printProblems(PrintWriter err, Analyzer.Result result) {
        for (Problem problem : result.problems()) {
            err.println(problem);
            if (verbose) {
                problem.trace().forEach(frame -> err.println("    " + frame));
            }
        }
    }

    private static void printTraces(PrintWriter err, Analyzer.Result result) {
        for (Problem problem : result.problems()) {
            if (!problem.trace().isEmpty()) {
                err.println(problem);
                problem.trace().forEach(frame -> err.println("    " + frame));
            }
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("ormrace: " + message);
        return 2;
    }

    private static Notice notice(Problem problem) {
        return new Notice(problem.level().name().toLowerCase(Locale.ROOT), problem.file(), problem.line(), problem.message());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ormrace " + Version.current()};
        }
    }
}
