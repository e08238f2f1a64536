package io.ormrace.core;

import java.util.Objects;

/** A concrete way out: a one-line title and the code to write (a JPQL update, an annotation, DDL). */
public record Fix(String title, String code) {

    public Fix {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(code, "code");
    }
}
