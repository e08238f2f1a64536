package io.ormrace.analyzer;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import io.ormrace.analyzer.checks.Check;
import io.ormrace.analyzer.code.ApiModel;
import io.ormrace.analyzer.code.ApiModels;
import io.ormrace.analyzer.code.ClasspathEntities;
import io.ormrace.analyzer.code.CodeIndex;
import io.ormrace.analyzer.code.EntityInfo;
import io.ormrace.analyzer.code.SourceFile;
import io.ormrace.analyzer.code.MyBatisMappers;
import io.ormrace.analyzer.flow.EntryPoints;
import io.ormrace.analyzer.flow.WalkLimits;
import io.ormrace.analyzer.flow.SingleThreadedStarts;
import io.ormrace.analyzer.flow.Event;
import io.ormrace.analyzer.schema.DdlReader;
import io.ormrace.analyzer.schema.LiquibaseReader;
import io.ormrace.analyzer.schema.Schema;
import io.ormrace.core.Finding;
import io.ormrace.core.SourceLines;
import io.ormrace.core.Suppressions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Reads Java sources and the schema beside them, and reports the races the checks find. Files that cannot be read
 * or parsed are reported as problems and skipped; the rest is still analyzed.
 */
public final class Analyzer {

    /**
     * What an analysis found, and what it could not read.
     *
     * @param javaFiles      the Java files found below the inputs (test roots left out unless included)
     * @param schemaSources  the files schema was read from, with their kind
     * @param parsedFiles    the Java files parsed: those that can take part in a race (see {@code Relevance})
     */
    public record Result(List<Finding> findings, List<Problem> problems, int javaFiles, List<SchemaSource> schemaSources,
            int suppressed, int parsedFiles) {

        public int schemaFiles() {
            return schemaSources.size();
        }

        /** "12 SQL, 2 Liquibase XML": how many schema files of each kind were read. */
        public String schemaSummary() {
            Map<SchemaSource.Kind, Long> counts = new java.util.EnumMap<>(SchemaSource.Kind.class);
            schemaSources.forEach(source -> counts.merge(source.kind(), 1L, Long::sum));
            return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                    .collect(Collectors.joining(", "));
        }

        public long errors() {
            return problems.stream().filter(p -> p.level() == Problem.Level.ERROR).count();
        }
    }

    /** A file the schema was read from. */
    public record SchemaSource(String path, Kind kind) {
        public enum Kind {
            SQL("SQL"), LIQUIBASE_XML("Liquibase XML"), LIQUIBASE_YAML("Liquibase YAML");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            public String label() {
                return label;
            }
        }
    }

    /**
     * What to analyze beyond the defaults.
     *
     * @param models     models files of the project's own persistence methods, besides the {@code ormrace.models}
     *                   files found below the inputs
     * @param classpath  jars and class folders whose JPA entities the sources use
     */
    public record Options(boolean includeTests, List<Check> checks, List<Path> models, List<Path> classpath) {
        public Options(boolean includeTests, List<Check> checks) {
            this(includeTests, checks, List.of(), List.of());
        }

        public static Options defaults() {
            return new Options(false, Check.all(), List.of(), List.of());
        }

        public Options withTests(boolean include) {
            return new Options(include, checks, models, classpath);
        }

        public Options withModels(List<Path> files) {
            return new Options(includeTests, checks, List.copyOf(files), classpath);
        }

        /** Jars and class folders whose JPA entities the sources use (a domain module built apart). */
        public Options withClasspath(List<Path> entries) {
            return new Options(includeTests, checks, models, List.copyOf(entries));
        }
    }

    /**
     * The grammar of every Java version, without the validation of one language level (a fifth of the parsing time):
     * code the compiler accepted needs no second opinion, and code it would reject costs only itself.
     */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                    .setAttributeComments(false).setDetectOriginalLineSeparator(false)));
    /** For the few files the raw grammar refuses ({@code yield} in a switch expression): Java 21's, with its checks. */
    private static final ThreadLocal<JavaParser> JAVA_21_PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                    .setAttributeComments(false).setDetectOriginalLineSeparator(false)));
    /** SQL that declares schema: anything else (data, queries) is no schema file. */
    private static final Pattern DDL = Pattern.compile(
            "\\b(create\\s+(table|(unique\\s+)?index)|alter\\s+table)\\b", Pattern.CASE_INSENSITIVE);
    /** Larger files are generated dumps, not schema a developer keeps. */
    private static final long MAX_SCHEMA_BYTES = 16L << 20;

    private final Path workingDirectory;
    private final Options options;

    public Analyzer(Path workingDirectory) {
        this(workingDirectory, Options.defaults());
    }

    public Analyzer(Path workingDirectory, Options options) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.options = options;
    }

    public Result analyze(List<Path> inputs) throws IOException {
        Queue problems = new Queue();
        long started = System.nanoTime();
        InputFiles files = InputFiles.under(inputs, options.includeTests());
        List<Path> javaFiles = files.java;

        Schema schema = new Schema();
        MyBatisMappers myBatis = new MyBatisMappers();
        List<SchemaSource> schemaSources = readSchema(files.possibleSchema, schema, myBatis, problems);
        List<Relevance.Summary> summaries = javaFiles.parallelStream()
                .map(file -> read(file, problems).flatMap(text -> summarize(file, text, problems))
                        .orElse(Relevance.Summary.NONE))
                .collect(Collectors.toList());
        ApiModels models = readModels(files.models, problems);
        List<EntityInfo> classpathEntities = ClasspathEntities.read(options.classpath(), schema, problems);
        List<String> databaseTypes = new ArrayList<>(models.all().stream().map(ApiModel::type).toList());
        classpathEntities.forEach(entity -> databaseTypes.add(entity.name()));
        databaseTypes.addAll(myBatis.mappers());
        boolean[] relevant = Relevance.relevant(summaries, databaseTypes);
        long scanned = System.nanoTime();
        List<Path> toParse = new ArrayList<>();
        for (int i = 0; i < javaFiles.size(); i++) {
            if (relevant[i]) {
                toParse.add(javaFiles.get(i));
            }
        }
        List<SourceFile> sources;
        List<Event> events = new ArrayList<>();
        CodeIndex index;
        WalkLimits limits = new WalkLimits();
        try (Workers workers = new Workers()) {
            AstCompactor.Shared shared = new AstCompactor.Shared();
            sources = workers.map(toParse, file -> parse(file, shared, ignored -> { }, problems), file -> {
                problems.accept(Problem.error(display(file), 0, "internal error while parsing, skipped"));
                return Optional.<SourceFile>empty();
            }).stream().flatMap(Optional::stream).collect(Collectors.toList());
            long parsed = System.nanoTime();
            index = CodeIndex.build(sources, schema, models, myBatis, classpathEntities, problems);
            long indexed = System.nanoTime();
            workers.map(sources, source -> {
                List<Event> found = new ArrayList<>();
                Contained.run(problems, source.path(), 1, "walking the file",
                        () -> found.addAll(EntryPoints.walk(index, source, problems, limits)));
                return found;
            }, source -> List.<Event>of()).forEach(events::addAll);
            limits.notice().ifPresent(problems);
            if (Boolean.getBoolean("ormrace.timing")) { // where a run's time goes, for benchmarks
                System.err.printf("ormrace timing: scan %.2f s, parse %.2f s (%d files), index %.2f s, walk %.2f s (%s)%n",
                        (scanned - started) / 1e9, (parsed - scanned) / 1e9, sources.size(), (indexed - parsed) / 1e9,
                        (System.nanoTime() - indexed) / 1e9, limits.calls());
            }
        }
        List<Sighting> sightings = new ArrayList<>();
        for (Event event : events) {
            for (Check check : options.checks()) {
                Contained.run(problems, event.place().file().path(), event.place().reportAt(),
                        "checking " + check.rule().id() + " in " + event.place().anchor(),
                        () -> check.check(event, schema).filter(finding -> !SingleThreadedStarts.only(index, event.place().reportAt()))
                                .ifPresent(finding -> sightings.add(new Sighting(
                                        finding.withStatement(statementText(event.place().reportAt())), event.place()))));
            }
        }
        List<Finding> unique = new ArrayList<>(nearest(sightings).stream()
                .collect(Collectors.toMap(f -> f.rule().id() + "@" + f.location(), f -> f, Analyzer::stronger, LinkedHashMap::new))
                .values());
        unique.sort(Comparator.comparing((Finding f) -> f.location().path()).thenComparingInt(f -> f.location().line())
                .thenComparingInt(f -> f.location().column()).thenComparing(f -> f.rule().id()));
        numberRepeatedStatements(unique);
        // @SuppressWarnings("ormrace...") and // ormrace:ignore, read from the text as the agent reads it
        List<Finding> kept = new ArrayList<>(unique);
        Contained.run(problems, "", 0, "reading suppressions", () -> {
            List<Finding> unsuppressed = new Suppressions(SourceLines.under(List.of(workingDirectory))).unsuppressed(unique);
            kept.clear();
            kept.addAll(unsuppressed);
        });
        List<Problem> sortedProblems = new ArrayList<>(problems.items);
        sortedProblems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return new Result(kept, sortedProblems, javaFiles.size(), schemaSources, unique.size() - kept.size(), toParse.size());
    }

    /**
     * Of two findings of one rule at one statement, the one to show: a value computed from the read (a lost count) over
     * a check-then-set of the same column (one branch of {@code if (n == null) n = x; else n += x}), then the one
     * reached through the fewest calls.
     */
    private static Finding stronger(Finding first, Finding second) {
        boolean firstChecks = first.evidence().stream().anyMatch(e -> e.kind() == io.ormrace.core.Evidence.Kind.CHECK);
        boolean secondChecks = second.evidence().stream().anyMatch(e -> e.kind() == io.ormrace.core.Evidence.Kind.CHECK);
        if (firstChecks != secondChecks) {
            return firstChecks ? second : first;
        }
        // seen from the method itself and through a caller: the shortest call path tells the story
        return calls(second) < calls(first) ? second : first;
    }

    private static long calls(Finding finding) {
        return finding.evidence().stream().filter(e -> e.kind() == io.ormrace.core.Evidence.Kind.CALL).count();
    }

    /** The text of the statement a finding is reported at, which its fingerprint keeps instead of the line. */
    private static String statementText(com.github.javaparser.ast.Node node) {
        String text = node.toString();
        return text.length() <= 300 ? text : text.substring(0, 300);
    }

    /** Two findings on the same statement text in one method (two identical saves) are told apart by their order. */
    private static void numberRepeatedStatements(List<Finding> findings) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            int occurrence = seen.merge(finding.fingerprint(), 1, Integer::sum);
            if (occurrence > 1) {
                findings.set(i, finding.withStatement(finding.statement() + " #" + occurrence));
            }
        }
    }

    private Optional<Relevance.Summary> summarize(Path file, String text, Consumer<Problem> problems) {
        Relevance.Summary[] summary = new Relevance.Summary[1];
        Contained.run(problems, display(file), 0, "reading the file", () -> summary[0] = Relevance.summarize(text));
        return Optional.ofNullable(summary[0]);
    }

    /** The models files found below the inputs and those given; a file that cannot be read is an error, the rest count. */
    private ApiModels readModels(List<Path> found, Consumer<Problem> problems) {
        ApiModels models = ApiModels.none();
        List<Path> all = new ArrayList<>(found);
        all.addAll(options.models());
        for (Path file : all) {
            Optional<String> text = read(file, problems);
            if (text.isPresent()) {
                String shown = display(file);
                ApiModels[] read = new ApiModels[1];
                if (Contained.run(problems, shown, 0, "reading the models file", () -> read[0] = ApiModels.read(shown, text.get(), problems))) {
                    models = models.with(read[0]);
                }
            }
        }
        return models;
    }

    /** Reads the files that hold DDL or a Liquibase changelog, decided by their content; the rest are not schema. */
    private List<SchemaSource> readSchema(List<Path> candidates, Schema schema, MyBatisMappers myBatis, Consumer<Problem> problems) {
        DdlReader ddl = new DdlReader(schema, problems);
        LiquibaseReader liquibase = new LiquibaseReader(schema, ddl, problems);
        List<SchemaSource> read = new ArrayList<>();
        for (Path file : candidates) {
            try {
                if (Files.size(file) > MAX_SCHEMA_BYTES) {
                    continue;
                }
            } catch (IOException e) {
                continue;
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            List<Problem> reading = new ArrayList<>();
            Optional<String> text = read(file, reading::add);
            if (text.isEmpty()) {
                continue;
            }
            SchemaSource.Kind kind = name.endsWith(".sql") ? (DDL.matcher(text.get()).find() ? SchemaSource.Kind.SQL : null)
                    : !LiquibaseReader.isChangelog(name, text.get()) ? null
                    : name.endsWith(".xml") ? SchemaSource.Kind.LIQUIBASE_XML : SchemaSource.Kind.LIQUIBASE_YAML;
            if (kind == null) {
                if (name.endsWith(".xml") && MyBatisMappers.isMapperXml(text.get())) {
                    reading.forEach(problems);
                    String shown = display(file);
                    Contained.run(problems, shown, 0, "reading the MyBatis mapper", () -> myBatis.readXml(shown, text.get(), problems));
                }
                continue;
            }
            reading.forEach(problems); // a file that is not schema is not worth a word
            String shown = display(file);
            Contained.run(problems, shown, 0, "reading the schema file", () -> {
                if (kind == SchemaSource.Kind.SQL) {
                    ddl.read(shown, text.get());
                } else {
                    liquibase.read(shown, text.get());
                }
            });
            read.add(new SchemaSource(shown, kind));
        }
        return read;
    }

    /** A finding and where the walk saw it from. */
    private record Sighting(Finding finding, Event.Place place) {
    }

    /**
     * The same racy statement can be reached from several entry methods: walked as its own entry and through the
     * callers that inline it. A read-write or lookup-insert race is placed in the deepest method that holds it whoever
     * walked to it, so its sightings share a location. A lock is reported at the entry method's statement: of its
     * sightings, the nearest to the lock are kept, at its own place when it is outside a transaction there, else at the
     * closest callers that make it so (a self-invocation, a connection in autocommit).
     */
    private static List<Finding> nearest(List<Sighting> sightings) {
        Map<Object, Map<String, List<Sighting>>> byOrigin = new IdentityHashMap<>();
        for (Sighting sighting : sightings) {
            byOrigin.computeIfAbsent(sighting.place().origin(), origin -> new LinkedHashMap<>())
                    .computeIfAbsent(sighting.finding().rule().id(), rule -> new ArrayList<>()).add(sighting);
        }
        List<Finding> kept = new ArrayList<>();
        for (Map<String, List<Sighting>> byRule : byOrigin.values()) {
            for (List<Sighting> group : byRule.values()) {
                if (!group.get(0).finding().rule().id().equals("lock-outside-transaction")) {
                    group.forEach(sighting -> kept.add(sighting.finding())); // placed where the race is, whoever walked to it
                    continue;
                }
                int nearest = group.stream().mapToInt(s -> s.place().hops()).min().orElse(0);
                group.stream().filter(s -> s.place().hops() == nearest).map(Sighting::finding).forEach(kept::add);
            }
        }
        return kept;
    }

    /** Parses a file read before: its read problems were reported then, so {@code readProblems} drops them. */
    private Optional<SourceFile> parse(Path file, AstCompactor.Shared shared, Consumer<Problem> readProblems,
            Consumer<Problem> problems) {
        Optional<String> text = read(file, readProblems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int lambdaDepth = NestingGuard.lambdaDepth(text.get());
            if (lambdaDepth > NestingGuard.MAX_LAMBDA_DEPTH) {
                problems.accept(Problem.error(display(file), 0, "not parsed, skipped: block lambdas nested " + lambdaDepth
                        + " deep as call arguments (more than " + NestingGuard.MAX_LAMBDA_DEPTH + "), which JavaParser "
                        + "takes exponential time to parse"));
                return Optional.empty();
            }
            ParseResult<CompilationUnit> result = PARSER.get().parse(text.get());
            if (!result.isSuccessful()) {
                result = JAVA_21_PARSER.get().parse(text.get());
            }
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                result.getProblems().stream().findFirst().ifPresent(problem -> problems.accept(Problem.error(display(file),
                        problem.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0),
                        "cannot parse, skipped: " + problem.getMessage().lines().findFirst().orElse(""))));
                return Optional.empty();
            }
            CompilationUnit unit = result.getResult().get();
            AstCompactor.compact(unit, shared);
            unit.setStorage(file.toAbsolutePath());
            return Optional.of(new SourceFile(display(file), unit));
        } catch (RuntimeException | StackOverflowError e) {
            problems.accept(Problem.error(display(file), 0, "cannot parse, skipped: " + e));
            return Optional.empty();
        }
    }

    /** UTF-8, or Latin-1 with a warning for files that are not valid UTF-8. */
    private Optional<String> read(Path file, Consumer<Problem> problems) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            try {
                return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                problems.accept(Problem.warning(display(file), 0, "not valid UTF-8, read as ISO-8859-1"));
                return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            problems.accept(Problem.error(display(file), 0, "cannot read, skipped: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** The path as findings show it: relative to the working directory when below it. */
    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        boolean sameRoot = absolute.getRoot() != null && absolute.getRoot().equals(workingDirectory.getRoot());
        return (sameRoot ? workingDirectory.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    private static final class Queue implements Consumer<Problem> {
        private final ConcurrentLinkedQueue<Problem> items = new ConcurrentLinkedQueue<>();

        @Override
        public void accept(Problem problem) {
            items.add(Objects.requireNonNull(problem));
        }
    }
}
