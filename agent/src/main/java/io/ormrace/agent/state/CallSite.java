package io.ormrace.agent.state;

import io.ormrace.core.SourceLocation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The application line that issued a statement: the first frame outside drivers, pools, frameworks and the JDK; and
 * the application frames that called it, nearest first ({@code OrderService.pay} above {@code OrderDao.update}).
 */
public record CallSite(String className, String methodName, String fileName, int line, List<CallSite> callers) {

    /** A class that only carries statements to the database: the line a developer fixes is in its caller. */
    private static final Pattern DATA_ACCESS = Pattern.compile(".*(Dao|DAO|Repository|RepositoryImpl|Mapper|Store|Gateway|Jdbc)(Impl)?");

    public CallSite {
        callers = List.copyOf(callers);
    }

    public CallSite(String className, String methodName, String fileName, int line) {
        this(className, methodName, fileName, line, List.of());
    }

    /**
     * Where a developer would go: this line, or, when it is in a data access class (a hand-written DAO, a mapper),
     * the first caller outside one, the service method that computed what the statement carries.
     */
    public CallSite primary() {
        return primaryFrom(0);
    }

    /**
     * Where a developer would go for a race between this statement and {@code other} (the read and the write): the
     * deepest method on both call paths, the one that reads and then writes, at its line toward this statement; a
     * data access class's first caller outside one, as {@link #primary()}. This statement's primary when the paths
     * share no method, or when {@code other} was issued from a method on this statement's path (a flush at commit).
     */
    public CallSite primaryWith(CallSite other) {
        List<CallSite> chain = chain();
        if (chain.stream().anyMatch(frame -> frame.sameMethod(other))) {
            // issued from a caller of this line (a commit's flush after the service returned): this line's race
            return primary();
        }
        List<CallSite> others = other.chain();
        for (int i = 0; i < chain.size(); i++) {
            CallSite frame = chain.get(i);
            if (others.stream().anyMatch(frame::sameMethod)) {
                return primaryFrom(i);
            }
        }
        return primary();
    }

    /** The frame at {@code index} of this line and its callers, or the first caller past it outside data access. */
    private CallSite primaryFrom(int index) {
        List<CallSite> chain = chain();
        for (int i = index; i < chain.size(); i++) {
            if (!chain.get(i).isDataAccess()) {
                return chain.get(i);
            }
        }
        return chain.get(index);
    }

    private boolean sameMethod(CallSite other) {
        return className.equals(other.className) && methodName.equals(other.methodName);
    }

    private List<CallSite> chain() {
        List<CallSite> chain = new java.util.ArrayList<>(callers.size() + 1);
        chain.add(this);
        chain.addAll(callers);
        return chain;
    }

    private boolean isDataAccess() {
        int dot = className.lastIndexOf('.');
        String simple = className.substring(dot + 1).replaceAll("\\$.*", "");
        return DATA_ACCESS.matcher(simple).matches();
    }

    /** This line, then the lines that called it: {@code OrderDao.update(OrderDao.java:12) <- OrderService.pay(...)}. */
    public String path() {
        StringBuilder path = new StringBuilder(toString());
        callers.forEach(caller -> path.append(" <- ").append(caller));
        return path.toString();
    }

    /** The source path as the class's package spells it: {@code com/acme/shop/OrderService.java}. */
    public String file() {
        int dot = className.lastIndexOf('.');
        String directory = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
        String file = fileName != null ? fileName : className.substring(dot + 1).replaceAll("\\$.*", "") + ".java";
        return directory + file;
    }

    public SourceLocation location() {
        return SourceLocation.lineOnly(file(), line);
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
