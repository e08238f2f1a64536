package io.ormrace.analyzer.code;

import java.util.Map;
import java.util.Optional;

/** A Spring Data repository interface: the entity it stores and its declared methods. */
public record RepositoryInfo(String name, String entity, Map<String, RepositoryMethod> methods) {

    public Optional<RepositoryMethod> method(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    /** The overload with that many parameters ({@code findByUserName(name)} or {@code (name, storeCode)}), else the first. */
    public Optional<RepositoryMethod> method(String name, int arity) {
        RepositoryMethod overload = methods.get(name + "/" + arity);
        return overload != null ? Optional.of(overload) : method(name);
    }
}
