package io.ormrace.analyzer.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Local variables and what they hold, with the declared type name where the source gives one. */
final class Env {

    private final Env parent;
    private final Locals values = new Locals();
    private final Map<String, String> types = new HashMap<>();

    Env(Env parent) {
        this.parent = parent;
    }

    void declare(String name, String type, Value value) {
        values.put(name, value);
        if (type != null) {
            types.put(name, type);
        }
    }

    /** Assigns an existing variable where it was declared, or declares it here. */
    void assign(String name, Value value) {
        for (Env env = this; env != null; env = env.parent) {
            if (env.values.containsKey(name)) {
                env.values.put(name, value);
                return;
            }
        }
        values.put(name, value);
    }

    Optional<Value> value(String name) {
        for (Env env = this; env != null; env = env.parent) {
            Value value = env.values.get(name);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    Optional<String> type(String name) {
        for (Env env = this; env != null; env = env.parent) {
            String type = env.types.get(name);
            if (type != null) {
                return Optional.of(type);
            }
            if (env.values.containsKey(name)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The variables of this method (not those a lambda captured), to walk a branch from and join after it. */
    Map<String, Value> snapshot() {
        return values.copy();
    }

    void restore(Map<String, Value> state) {
        if (state instanceof Locals locals) {
            values.setTo(locals);
        } else {
            values.clear();
            values.putAll(state);
        }
    }

    /** What a variable may hold after paths that left it as in {@code a} or as in {@code b}. */
    static Map<String, Value> join(Map<String, Value> a, Map<String, Value> b) {
        return Locals.join(a instanceof Locals first ? first : new Locals(a), b instanceof Locals second ? second : new Locals(b),
                Value::join);
    }

    boolean isLocal(String name) {
        for (Env env = this; env != null; env = env.parent) {
            if (env.values.containsKey(name)) {
                return true;
            }
        }
        return false;
    }
}
