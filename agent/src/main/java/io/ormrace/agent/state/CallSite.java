package io.ormrace.agent.state;

import io.ormrace.core.SourceLocation;

/** The application line that issued a statement: the first frame outside drivers, pools, frameworks and the JDK. */
public record CallSite(String className, String methodName, String fileName, int line) {

    /** The source path as the class's package spells it: {@code com/acme/shop/OrderService.java}. */
    public String path() {
        int dot = className.lastIndexOf('.');
        String directory = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
        String file = fileName != null ? fileName : className.substring(dot + 1).replaceAll("\\$.*", "") + ".java";
        return directory + file;
    }

    public SourceLocation location() {
        return SourceLocation.lineOnly(path(), line);
    }

    /** {@code com.acme.shop.OrderService#pay}, the finding's anchor. */
    public String anchor() {
        int dollar = className.indexOf('$');
        return (dollar < 0 ? className : className.substring(0, dollar)) + "#" + methodName.replaceAll("^lambda\\$(.*)\\$\\d+$", "$1");
    }

    @Override
    public String toString() {
        int dot = className.lastIndexOf('.');
        return className.substring(dot + 1) + "." + methodName + "(" + fileName + ":" + line + ")";
    }
}
