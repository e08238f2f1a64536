package io.ormrace.analyzer.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the schema front end (SQL DDL through JSqlParser, Liquibase XML and YAML changelogs): whatever schema file
 * it is given, the analysis returns and reports no internal error. A file it cannot read is a warning, not a crash.
 * Some tries add a small Spring Data project whose get-or-create checks ask the schema for unique keys.
 *
 * <p>Bounded for the build (a few seconds). To fuzz longer by hand, set the tries of every property ({@link FuzzRunner}):
 * {@code mvn -B -q test -pl analyzer -Dtest=SchemaFrontEndFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dormrace.fuzz.tries=20000}; {@code -Dormrace.fuzz.seed=<seed>} replays the seed a failure printed. A crash found
 * becomes a test of {@link FuzzRegressionTest}.
 */
class SchemaFrontEndFuzzTest {

    /** Entities with their get-or-create code: the schema decides which rule their inserts break. */
    private static final Map<String, String> JAVA = javaOnly(Fuzz.read(Path.of("src/test/resources/fixtures/get-or-create"), ".java"));
    /** Schema files to mutate: the fixtures' changelog and the samples' migrations when the checkout has them. */
    private static final List<Map.Entry<String, String>> SEEDS = seeds();

    private static final List<String> SQL_WORDS = List.of("create", "table", "unique", "index", "primary key", "alter", "add",
            "constraint", "on", "references", "not null", "default", "(", ")", ",", ";", "'", "\"", "`", "[", "]", "$$",
            "$tag$", "--", "/*", "*/", "\\", "\n", "null", "key", "value", "order", "using", "include", "where", "if not exists",
            "e'\\''", "0x", "\u0000", "<", ">", "&", "<![CDATA[", "]]>", "<sql>", "</sql>", "&amp;", "&#0;", "- ", ": ", "  ",
            "\t", "&a", "*a", "!!binary", "[", "{", "}", "~", "changes:", "- createTable:", "columnNames:", "tableName:");
    private static final List<String> SQL_ARGUMENTS = List.of("id", "a, b", "", "\"x\"", "lower(a)", "1", "null", "(a)", "a desc");
    private static final Mutator MUTATOR = new Mutator(SQL_WORDS, SQL_ARGUMENTS);

    @Test
    void generatedDdlNeverCrashesTheAnalyzer() {
        FuzzRunner.check("generated DDL", 120, 300, numbers -> {
            Choices choices = new Choices(numbers);
            Fuzz.analyzeWithoutInternalErrors(project(choices, "db/migration/V1__fuzz.sql", SchemaTexts.ddl(choices)));
        });
    }

    @Test
    void generatedLiquibaseXmlNeverCrashesTheAnalyzer() {
        FuzzRunner.check("generated Liquibase XML", 100, 300, numbers -> {
            Choices choices = new Choices(numbers);
            Fuzz.analyzeWithoutInternalErrors(project(choices, "db/changelog/db.changelog-master.xml", SchemaTexts.xml(choices)));
        });
    }

    @Test
    void generatedLiquibaseYamlNeverCrashesTheAnalyzer() {
        FuzzRunner.check("generated Liquibase YAML", 100, 300, numbers -> {
            Choices choices = new Choices(numbers);
            Fuzz.analyzeWithoutInternalErrors(project(choices, "db/changelog/db.changelog-master.yaml", SchemaTexts.yaml(choices)));
        });
    }

    /** A schema file (a seed, or one generated) with a few mutations. */
    @Test
    void mutatedSchemaFilesNeverCrashTheAnalyzer() {
        FuzzRunner.check("mutated schema files", 120, 300, numbers -> {
            Choices choices = new Choices(numbers);
            Map.Entry<String, String> file = switch (choices.below(4)) {
                case 0 -> Map.entry("db/migration/V1__fuzz.sql", SchemaTexts.ddl(choices));
                case 1 -> Map.entry("db/changelog/changelog.xml", SchemaTexts.xml(choices));
                case 2 -> Map.entry("db/changelog/changelog.yml", SchemaTexts.yaml(choices));
                default -> choices.pick(SEEDS);
            };
            String mutated = MUTATOR.mutate(file.getValue(), choices, 1 + choices.below(6));
            Fuzz.analyzeWithoutInternalErrors(project(choices, file.getKey(), mutated));
        });
    }

    /** The schema file, with the Java project beside it in one try of four. */
    private static Map<String, String> project(Choices choices, String path, String schema) {
        Map<String, String> files = new LinkedHashMap<>();
        if (choices.maybe(25)) {
            files.putAll(JAVA);
        }
        files.put(path, schema);
        return files;
    }

    private static Map<String, String> javaOnly(Map<String, String> files) {
        Map<String, String> java = new LinkedHashMap<>(files);
        java.keySet().removeIf(name -> !name.endsWith(".java"));
        return java;
    }

    private static List<Map.Entry<String, String>> seeds() {
        List<Map.Entry<String, String>> seeds = new ArrayList<>();
        Fuzz.read(Path.of("src/test/resources/fixtures"), ".xml", ".yaml", ".yml", ".sql")
                .forEach((path, text) -> seeds.add(Map.entry(path, text)));
        for (String sample : List.of("jdbc", "spring-shop")) {
            Fuzz.read(Path.of("../samples", sample, "src/main/resources"), ".sql", ".xml", ".yaml")
                    .forEach((path, text) -> seeds.add(Map.entry(path, text)));
        }
        return List.copyOf(seeds);
    }
}
