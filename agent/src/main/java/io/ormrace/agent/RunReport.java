package io.ormrace.agent;

import io.ormrace.agent.bootstrap.Dispatcher;
import io.ormrace.agent.rules.Redaction;
import io.ormrace.core.AgentOptions;
import io.ormrace.core.Finding;
import io.ormrace.core.ProjectPaths;
import io.ormrace.core.SourceLines;
import io.ormrace.core.Suppressions;
import io.ormrace.core.Version;
import io.ormrace.report.Format;
import io.ormrace.report.Notice;
import io.ormrace.report.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** At JVM exit: the reports, and a few lines on stderr saying what was seen and anything that went wrong. */
final class RunReport {

    private final AgentOptions options;
    private final Recorder recorder;
    private final JdbcInstrumentation instrumentation;

    private final Suppressions suppressions;
    private final Redaction redaction;

    RunReport(AgentOptions options, Recorder recorder, JdbcInstrumentation instrumentation, Suppressions suppressions) {
        this.redaction = new Redaction(options.redact());
        this.options = options;
        this.recorder = recorder;
        this.instrumentation = instrumentation;
        this.suppressions = suppressions;
    }

    void write(PrintStream err) {
        List<Finding> seen = recorder.findings();
        ProjectPaths paths = new ProjectPaths(Path.of(""), options.sources());
        List<Finding> findings = new ArrayList<>(suppressions.unsuppressed(seen).stream().map(paths::relocated).toList());
        findings.sort(Comparator.comparing((Finding f) -> f.location().path()).thenComparingInt(f -> f.location().line())
                .thenComparing(f -> f.rule().id()));
        List<Notice> notices = notices(seen.size() - findings.size());
        Report report = new Report(Version.current(), findings, notices, SourceLines.under(options.sources()));
        for (Path output : options.outputs()) {
            Optional<Format> format = Format.forFile(output.getFileName().toString());
            if (format.isEmpty()) {
                err.println("ormrace agent: cannot write " + output + ": unknown report format (use .sarif, .json, .html or .txt)");
                continue;
            }
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, format.get().write(report), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                err.println("ormrace agent: cannot write " + output + ": " + e);
            }
        }
        if (!options.quiet() || !findings.isEmpty() || !notices.isEmpty()) {
            err.printf("ormrace agent: %d finding(s) from %,d statements (%d JDBC classes instrumented); reports: %s%n",
                    findings.size(), recorder.statementsSeen.sum(), instrumentation.instrumented().size(), options.outputs());
            for (Finding finding : findings) {
                err.printf("  %s: [%s] %s (seen %d time%s)%n", finding.location(), finding.rule().id(),
                        finding.target() + (finding.columns().isEmpty() ? "" : "." + String.join(",", finding.columns())),
                        finding.count(), finding.count() == 1 ? "" : "s");
            }
            notices.forEach(notice -> err.println("  " + notice.level() + ": " + notice.message()));
        }
    }

    private List<Notice> notices(int suppressed) {
        List<Notice> notices = new ArrayList<>();
        if (Dispatcher.errors() > 0) {
            notices.add(new Notice("warning", "", 0, Dispatcher.errors() + " error(s) inside the agent were caught "
                    + "and ignored; the first: " + Dispatcher.firstError()));
        }
        if (instrumentation.transformErrors() > 0) {
            notices.add(new Notice("note", "", 0, instrumentation.transformErrors() + " class(es) could not be "
                    + "inspected (usually a superclass missing from the classpath; any JDBC class among them runs "
                    + "unwatched); the first: " + instrumentation.firstTransformError()));
        }
        long unparsed = recorder.shapes().unparsedCount();
        if (unparsed > 0) {
            java.util.Set<String> shown = new java.util.LinkedHashSet<>();
            for (Map.Entry<String, String> sample : recorder.shapes().unparsedSamples().entrySet()) {
                shown.add(abbreviate(redaction.sql(sample.getKey()))); // two texts that differ in literals only: once
            }
            String samples = String.join("; ", shown);
            notices.add(new Notice("note", "", 0, unparsed + " distinct SQL statement(s) could not be parsed and "
                    + "were skipped, e.g. " + samples));
        }
        if (suppressed > 0) {
            notices.add(new Notice("note", "", 0, suppressed + " finding(s) suppressed in source "
                    + "(@SuppressWarnings(\"ormrace...\") or // ormrace:ignore)"));
        }
        if (recorder.droppedFindings() > 0) {
            notices.add(new Notice("warning", "", 0, recorder.droppedFindings() + " further sighting(s) of new "
                    + "sequences were dropped: too many distinct findings"));
        }
        return notices;
    }

    private static String abbreviate(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
    }
}
