package io.ormrace.analyzer.code;

import com.github.javaparser.ast.CompilationUnit;

/** A parsed Java file, with the path findings show for it (relative to the working directory where possible). */
public record SourceFile(String path, CompilationUnit unit) {
}
