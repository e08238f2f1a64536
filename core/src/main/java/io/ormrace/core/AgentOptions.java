package io.ormrace.core;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code -javaagent:ormrace-agent.jar=OPTIONS} string, JaCoCo style: comma-separated {@code key=value} pairs,
 * read by the agent and written by the Maven plugin, so that both agree on it. A value that holds a comma or a quote
 * is written in single quotes ({@code sources='/work/a,b/src/main/java'}), a quote in it doubled.
 * {@code output} may repeat (one report per entry, format from the extension); {@code include} and {@code exclude}
 * take package prefixes separated by {@code :}; {@code sources} the source roots (separated by the path separator)
 * where {@code @SuppressWarnings("ormrace...")} and {@code // ormrace:ignore} are looked up, by default
 * {@code src/main/java} and {@code src/test/java}.
 */
public record AgentOptions(List<Path> outputs, List<String> includes, List<String> excludes, boolean redact, boolean quiet,
        List<Path> sources) {

    public static final List<Path> DEFAULT_SOURCES = List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"));

    public static final Path DEFAULT_OUTPUT = Path.of("target", "ormrace", "runtime.sarif");

    public AgentOptions {
        outputs = List.copyOf(outputs);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        sources = List.copyOf(sources);
    }

    public static AgentOptions parse(String arguments) {
        List<Path> outputs = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        boolean redact = true;
        boolean quiet = false;
        List<Path> sources = new ArrayList<>();
        for (String[] option : split(arguments == null ? "" : arguments)) {
            String key = option[0];
            String value = option[1];
            switch (key) {
                case "output" -> outputs.add(Path.of(value));
                case "include" -> includes.addAll(prefixes(value));
                case "exclude" -> excludes.addAll(prefixes(value));
                case "redact" -> redact = bool(key, value);
                case "quiet" -> quiet = bool(key, value);
                case "sources" -> Arrays.stream(value.split(File.pathSeparator)).map(String::trim)
                        .filter(root -> !root.isEmpty()).map(Path::of).forEach(sources::add);
                default -> throw new IllegalArgumentException("ormrace agent: unknown option '" + key
                        + "' (known: output, include, exclude, redact, quiet, sources)");
            }
        }
        if (outputs.isEmpty()) {
            outputs.add(DEFAULT_OUTPUT);
        }
        return new AgentOptions(outputs, includes, excludes, redact, quiet, sources.isEmpty() ? DEFAULT_SOURCES : sources);
    }

    /** The options as the agent reads them back: {@code parse(format())} equals this. */
    public String format() {
        List<String> options = new ArrayList<>();
        outputs.forEach(output -> options.add("output=" + quote(output.toString())));
        if (!includes.isEmpty()) {
            options.add("include=" + quote(String.join(":", includes)));
        }
        if (!excludes.isEmpty()) {
            options.add("exclude=" + quote(String.join(":", excludes)));
        }
        options.add("redact=" + redact);
        if (quiet) {
            options.add("quiet=true");
        }
        options.add("sources=" + quote(String.join(File.pathSeparator, sources.stream().map(Path::toString).toList())));
        return String.join(",", options);
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("'") || !value.equals(value.strip())
                ? "'" + value.replace("'", "''") + "'" : value;
    }

    /** The key and value of each option, commas inside single quotes kept. */
    private static List<String[]> split(String arguments) {
        List<String[]> options = new ArrayList<>();
        int i = 0;
        while (i < arguments.length()) {
            int equals = arguments.indexOf('=', i);
            int comma = arguments.indexOf(',', i);
            if (equals < 0 || (comma >= 0 && comma < equals)) {
                String option = arguments.substring(i, comma < 0 ? arguments.length() : comma).trim();
                if (!option.isEmpty()) {
                    throw new IllegalArgumentException("ormrace agent: option '" + option + "' is not key=value");
                }
                i = comma < 0 ? arguments.length() : comma + 1;
                continue;
            }
            String key = arguments.substring(i, equals).trim();
            StringBuilder value = new StringBuilder();
            int j = equals + 1;
            while (j < arguments.length() && arguments.charAt(j) == ' ') {
                j++;
            }
            if (j < arguments.length() && arguments.charAt(j) == '\'') {
                j++;
                while (j < arguments.length()) {
                    char c = arguments.charAt(j);
                    if (c == '\'' && j + 1 < arguments.length() && arguments.charAt(j + 1) == '\'') {
                        value.append('\'');
                        j += 2;
                    } else if (c == '\'') {
                        j++;
                        break;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                int next = arguments.indexOf(',', j);
                if (!arguments.substring(j, next < 0 ? arguments.length() : next).isBlank()) {
                    throw new IllegalArgumentException("ormrace agent: option '" + key + "' has text after its quoted value");
                }
                i = next < 0 ? arguments.length() : next + 1;
                options.add(new String[] {key, value.toString()});
            } else {
                int next = arguments.indexOf(',', j);
                options.add(new String[] {key, arguments.substring(j, next < 0 ? arguments.length() : next).trim()});
                i = next < 0 ? arguments.length() : next + 1;
            }
        }
        return options;
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
