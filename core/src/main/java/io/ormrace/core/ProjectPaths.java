package io.ormrace.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runtime findings name files by package ({@code com/acme/Shop.java}), as a stack trace does; static findings by
 * their path in the project ({@code src/main/java/com/acme/Shop.java}). This turns the first into the second, for
 * files found under a source root, so that both kinds of finding, their baselines and code scanning agree.
 */
public final class ProjectPaths {

    private final Path basedir;
    private final List<Path> sourceRoots;

    /** @param sourceRoots  absolute, or relative to {@code basedir} */
    public ProjectPaths(Path basedir, List<Path> sourceRoots) {
        this.basedir = basedir.toAbsolutePath().normalize();
        this.sourceRoots = sourceRoots.stream().map(root -> this.basedir.resolve(root)).toList();
    }

    public Finding relocated(Finding finding) {
        Finding.Builder builder = Finding.builder(finding.rule(), finding.origin())
                .severity(finding.severity())
                .message(finding.message())
                .at(relocated(finding.location()), finding.anchor())
                .target(finding.target(), finding.columns())
                .count(finding.count());
        for (Evidence step : finding.evidence()) {
            builder.evidence(new Evidence(step.kind(), step.location() == null ? null : relocated(step.location()),
                    step.description(), step.sql()));
        }
        for (Fix fix : finding.fixes()) {
            builder.fix(fix.title(), fix.code());
        }
        for (TestCase test : finding.tests()) {
            builder.test(test);
        }
        return builder.build();
    }

    /** The file's path from the project's directory, if a source root holds it; else the location as it was. */
    public SourceLocation relocated(SourceLocation location) {
        if (!location.known() || Files.isRegularFile(basedir.resolve(location.path()))) {
            return location;
        }
        for (Path root : sourceRoots) {
            Path file = root.resolve(location.path());
            if (Files.isRegularFile(file)) {
                String path = basedir.relativize(file.normalize()).toString().replace('\\', '/');
                return new SourceLocation(path, location.line(), location.column());
            }
        }
        return location;
    }
}
