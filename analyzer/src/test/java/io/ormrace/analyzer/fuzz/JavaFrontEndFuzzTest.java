package io.ormrace.analyzer.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the Java front end (JavaParser, the code index, the method walk, the checks): whatever Java it is given,
 * the analysis returns and reports no internal error. Parse errors are fine: they are the input's, not ours.
 *
 * <p>Bounded for the build (a few seconds). To fuzz longer by hand, set the tries of every property ({@link FuzzRunner}):
 * {@code mvn -B -q test -pl analyzer -Dtest=JavaFrontEndFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dormrace.fuzz.tries=20000}; {@code -Dormrace.fuzz.seed=<seed>} replays the seed a failure printed. A crash found
 * becomes a test of {@link FuzzRegressionTest}.
 */
class JavaFrontEndFuzzTest {

    /** The fixtures, and the samples' main sources when the checkout has them: small projects to mutate. */
    private static final List<Map<String, String>> PROJECTS = projects();

    private static final List<String> WORDS = List.of(
            "class", "interface", "enum", "record", "var", "yield", "switch", "case", "default", "->", "when", "new",
            "return", "throw", "try", "catch", "finally", "if", "else", "for", "while", "do", "break", "continue",
            "synchronized", "this", "super", "static", "final", "private", "public", "sealed", "permits", "instanceof",
            "@Transactional", "@Transactional(propagation = Propagation.REQUIRES_NEW)", "@Entity", "@Id", "@Version",
            "@Lock(LockModeType.PESSIMISTIC_WRITE)", "@Query(\"select x from X x where x.a = :a\")", "@Modifying",
            "@Query(value = \"select * from t where a = ? for update\", nativeQuery = true)", "@SuppressWarnings(\"ormrace\")",
            "// ormrace:ignore", "+", "-", "*", "/", "%", "=", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "~",
            "++", "--", "+=", "?", ":", "::", ".", ",", ";", "(", ")", "{", "}", "[", "]", "...", "null", "true",
            "false", "0", "1", "-1", "99999999999", "2147483648", "0x7fffffffffffffffL", "1_000", "0b1", "'\\u0000'",
            "\"\"", "\"select * from t where a = ? for update\"", "\"update t set a = a + 1 where id = ?\"", "1e309", ".5",
            "\"\"\"\n  select 1\n  \"\"\"", ".orElseThrow()", ".get()", ".isPresent()", ".setBalance()", ".save()",
            ".findById()", ".setAutoCommit()", ".prepareStatement()", ".setParameter()", ".getSingleResult()",
            ".executeUpdate()", ".orElseGet(() -> null)", "x -> x", "() -> { }", "(a, b) -> a", "Optional.empty()",
            "new Object()", "Foo::bar", "(long)", "<T>", "List<?>");
    private static final List<String> ARGUMENTS = List.of("null", "1", "0", "-1", "99999999999", "x", "id", "\"s\"",
            "\"select * from t where id = ? for update\"", "true", "false", "LockModeType.PESSIMISTIC_WRITE", "Object.class",
            "() -> { }", "x -> x", "new Object()", "this", "Connection.TRANSACTION_SERIALIZABLE", "(String) null", "\"\"");
    private static final Mutator MUTATOR = new Mutator(WORDS, ARGUMENTS);

    /** A fixture project with one to a few of its Java files mutated, the rest intact. */
    @Test
    void mutatedFixturesNeverCrashTheAnalyzer() {
        FuzzRunner.check("mutated fixtures", 100, 10_000, 40, (project, numbers) -> {
            Choices choices = new Choices(numbers);
            Map<String, String> files = new LinkedHashMap<>(PROJECTS.get(project % PROJECTS.size()));
            List<String> javaFiles = files.keySet().stream().filter(f -> f.endsWith(".java")).toList();
            int edits = 1 + choices.below(3);
            for (int i = 0; i < edits; i++) {
                String file = choices.pick(javaFiles);
                files.put(file, MUTATOR.mutate(files.get(file), choices, 1 + choices.below(6)));
            }
            Fuzz.analyzeWithoutInternalErrors(files);
        });
    }

    /** A generated project: entities, repositories, services, JDBC code. */
    @Test
    void generatedProjectsNeverCrashTheAnalyzer() {
        FuzzRunner.check("generated projects", 120, 800,
                numbers -> Fuzz.analyzeWithoutInternalErrors(JavaProjects.generate(new Choices(numbers))));
    }

    /** A generated project, then mutated. */
    @Test
    void mutatedGeneratedProjectsNeverCrashTheAnalyzer() {
        FuzzRunner.check("mutated generated projects", 80, 800, numbers -> {
            Choices choices = new Choices(numbers);
            Map<String, String> files = new LinkedHashMap<>(JavaProjects.generate(choices));
            List<String> javaFiles = List.copyOf(files.keySet());
            String file = choices.pick(javaFiles);
            files.put(file, MUTATOR.mutate(files.get(file), choices, 1 + choices.below(3)));
            Fuzz.analyzeWithoutInternalErrors(files);
        });
    }

    private static List<Map<String, String>> projects() {
        List<Map<String, String>> projects = new ArrayList<>();
        for (String fixture : List.of("domain-methods", "get-or-create", "java21", "javax-lombok", "transactions", "versioned")) {
            projects.add(Fuzz.read(Path.of("src/test/resources/fixtures", fixture), ".java", ".xml", ".sql", ".yaml"));
        }
        for (String sample : List.of("jdbc", "jpa-hibernate", "spring-shop")) {
            Map<String, String> files = Fuzz.read(Path.of("../samples", sample, "src/main"), ".java", ".sql", ".xml");
            if (!files.isEmpty()) {
                projects.add(files);
            }
        }
        return List.copyOf(projects);
    }
}
