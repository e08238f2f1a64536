package io.ormrace.analyzer.code;

import com.github.javaparser.ast.Node;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Per node class, its instance fields of the types asked for (a call's name, a method's parameters), a superclass's
 * before the class's own, opened to us; a field not opened is left out. Node's own fields (parent, comment) are not
 * among them.
 */
public final class NodeFields extends ClassValue<List<Field>> {

    private final Predicate<Class<?>> fieldTypes;

    public NodeFields(Predicate<Class<?>> fieldTypes) {
        this.fieldTypes = fieldTypes;
    }

    @Override
    protected List<Field> computeValue(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Node.class; current = current.getSuperclass()) {
            List<Field> level = new ArrayList<>();
            for (Field field : current.getDeclaredFields()) {
                if (fieldTypes.test(field.getType()) && !Modifier.isStatic(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        level.add(field);
                    } catch (RuntimeException e) {
                        // not opened to us: that field stays as the parser left it, and is not searched
                    }
                }
            }
            fields.addAll(0, level); // a superclass's fields first: modifiers and annotations come before a name
        }
        return List.copyOf(fields);
    }
}
