package io.ormrace.agent;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A method with the name and parameters of one of a JDBC interface's methods ({@code setInt(int, int)} of
 * {@code PreparedStatement}), bridges left out. It answers what {@code isOverriddenFrom} answers for a driver's
 * class, from one set made once, without building the class's method graph for every method (most of what
 * instrumenting a driver's classes used to allocate). The return type is not compared: an override may narrow it.
 */
final class InterfaceMethods extends ElementMatcher.Junction.AbstractBase<MethodDescription> {

    private final Set<String> signatures = new HashSet<>();

    InterfaceMethods(Class<?> jdbcInterface) {
        for (Method method : jdbcInterface.getMethods()) {
            StringBuilder signature = new StringBuilder(method.getName()).append('(');
            for (Class<?> parameter : method.getParameterTypes()) {
                signature.append(parameter.descriptorString());
            }
            signatures.add(signature.append(')').toString());
        }
    }

    @Override
    public boolean matches(MethodDescription method) {
        if (method.isBridge()) {
            return false;
        }
        String descriptor = method.getDescriptor();
        return signatures.contains(method.getInternalName() + descriptor.substring(0, descriptor.indexOf(')') + 1));
    }
}
