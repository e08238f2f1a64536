package io.ormrace.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code -javaagent:ormrace-agent.jar=OPTIONS} string, JaCoCo style: comma-separated {@code key=value} pairs.
 * {@code output} may repeat (one report per entry, format from the extension); {@code include} and {@code exclude}
 * take package prefixes separated by {@code :}; {@code sources} the source roots (separated by the path separator)
 * where {@code @SuppressWarnings("ormrace...")} and {@code // ormrace:ignore} are looked up, by default
 * {@code src/main/java} and {@code src/test/java}.
 */
record AgentOptions(List<Path> outputs, List<String> includes, List<String> excludes, boolean redact, boolean quiet,
        List<Path> sources) {

    static final List<Path> DEFAULT_SOURCES = List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"));

    static final Path DEFAULT_OUTPUT = Path.of("target", "ormrace", "runtime.sarif");

    static AgentOptions parse(String arguments) {
        List<Path> outputs = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        boolean redact = true;
        boolean quiet = false;
        List<Path> sources = new ArrayList<>();
        if (arguments != null && !arguments.isBlank()) {
            for (String option : arguments.split(",")) {
                int equals = option.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("ormrace agent: option '" + option + "' is not key=value");
                }
                String key = option.substring(0, equals).trim();
                String value = option.substring(equals + 1).trim();
                switch (key) {
                    case "output" -> outputs.add(Path.of(value));
                    case "include" -> includes.addAll(prefixes(value));
                    case "exclude" -> excludes.addAll(prefixes(value));
                    case "redact" -> redact = bool(key, value);
                    case "quiet" -> quiet = bool(key, value);
                    case "sources" -> Arrays.stream(value.split(java.io.File.pathSeparator)).map(String::trim)
                            .filter(root -> !root.isEmpty()).map(Path::of).forEach(sources::add);
                    default -> throw new IllegalArgumentException("ormrace agent: unknown option '" + key
                            + "' (known: output, include, exclude, redact, quiet, sources)");
                }
            }
        }
        if (outputs.isEmpty()) {
            outputs.add(DEFAULT_OUTPUT);
        }
        return new AgentOptions(outputs, includes, excludes, redact, quiet, sources.isEmpty() ? DEFAULT_SOURCES : sources);
    }

    private static List<String> prefixes(String value) {
        return Arrays.stream(value.split(":")).map(String::trim).filter(p -> !p.isEmpty())
                .map(p -> p.endsWith("*") ? p.substring(0, p.length() - 1) : p).toList();
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("ormrace agent: " + key + " must be true or false, was '" + value + "'");
        };
    }
}
