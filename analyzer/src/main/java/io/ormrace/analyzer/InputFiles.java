package io.ormrace.analyzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files below the inputs the analysis reads: Java sources, and every SQL, XML and YAML file that may hold
 * schema (its content decides later). Test source roots and build output are left out unless tests are asked for:
 * only the part of a path below the input given counts, so an input that is itself a test folder is read.
 */
final class InputFiles {

    /**
     * Maven's and Gradle's test roots ({@code src/test}, {@code src/testFixtures}, {@code src/integrationTest},
     * {@code src/integration-test}, {@code src/it}).
     */
    private static final Pattern TEST_ROOT = Pattern.compile("(^|/)src/(test|it|testFixtures|\\w+Test|\\w+Tests|[\\w-]+-tests?)/");
    private static final Pattern BUILD_OUTPUT = Pattern.compile("(^|/)(target|build|node_modules|\\.git|\\.gradle|\\.idea)/");

    final List<Path> java = new ArrayList<>();
    final List<Path> possibleSchema = new ArrayList<>();
    /** Models of a project's own persistence methods ({@code ormrace.models}), found below the inputs. */
    final List<Path> models = new ArrayList<>();

    /** The part of a path above its first {@code src/}: a package named {@code build} below it is source. */
    private static String outsideSources(String path) {
        int sources = path.startsWith("src/") ? 0 : path.indexOf("/src/");
        return sources < 0 ? path : path.substring(0, sources + 1);
    }

    static InputFiles under(List<Path> inputs, boolean includeTests) throws IOException {
        InputFiles files = new InputFiles();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new IOException("no such file or directory: " + input);
            }
            boolean directory = Files.isDirectory(input);
            try (Stream<Path> walk = directory ? Files.walk(input) : Stream.of(input)) {
                walk.filter(Files::isRegularFile).forEach(file -> {
                    String below = directory ? input.relativize(file).toString().replace('\\', '/') : "";
                    if (BUILD_OUTPUT.matcher(outsideSources(below)).find() || (!includeTests && TEST_ROOT.matcher(below).find())) {
                        return;
                    }
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".java")) {
                        files.java.add(file);
                    } else if (name.equals("ormrace.models")) {
                        files.models.add(file);
                    } else if (name.endsWith(".sql") || name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml")) {
                        files.possibleSchema.add(file);
                    }
                });
            }
        }
        Collections.sort(files.java);
        Collections.sort(files.possibleSchema);
        Collections.sort(files.models);
        return files;
    }
}
