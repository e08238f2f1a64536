package io.ormrace.analyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which source files can take part in a race, decided from their text before anything is parsed: files that use a
 * database or transaction API (or declare entities and repositories), and files with fields of the types those
 * files declare (the beans a service calls), up to {@link #ROUNDS} steps away. The rest of a large code base (web layers, utilities, a framework's
 * internals) is never parsed, which is most of the analyzer's time and memory on a big tree.
 */
final class Relevance {

    /** How far from a file using the database a caller may be and still be walked as the start of a race. */
    static final int ROUNDS = 2;

    /** Annotations may be written with their package ({@code @jakarta.persistence.Entity}). */
    /** Files that use a database or transaction API: what {@link #usesDatabase} finds, as a pattern (the tests' oracle). */
    static final Pattern DATABASE = Pattern.compile("@(?:[\\w.]+\\.)?(?:Entity|MappedSuperclass|Embeddable|Table"
            + "|Transactional|Query|Lock|NamedQuery|NamedQueries|Modifying|Select|Insert|Update|Delete)\\b"
            + "|EntityManager\\b|\\bSession\\b|JdbcTemplate\\b|JdbcClient\\b|prepareStatement\\s*\\(|createStatement\\s*\\("
            + "|TransactionTemplate\\b|LockModeType\\b|LockMode\\b|Repository\\s*<|CriteriaBuilder\\b"
            + "|DataSource\\b|DSLContext\\b|getConnection\\s*\\(");
    /** A field's declared type: how the walk crosses from one bean to another (and how Spring injects them). */
    static final Pattern FIELD_TYPE = Pattern.compile(
            "^\\s*(?:(?:private|protected|public|final|static)\\s+)+([A-Z]\\w*)(?:<[^;=()]*>)?\\s+\\w+\\s*[;=]",
            Pattern.MULTILINE);

    private static final Pattern TYPE_NAME = Pattern.compile("\\b([A-Z]\\w*)");

    /**
     * What one file's text says, kept small: hashes of the type names it declares, of its fields' types, and of the
     * types it extends or implements (with their type arguments).
     */
    /**
     * @param used      the field types, with {@code usedFrom}: per field type (same order), the hash of the package
     *                  it is imported from by name, or 0 when it is not (same package, a wildcard, a nested type)
     * @param ownPackage the hash of the file's package
     */
    record Summary(boolean usesDatabase, int[] declared, int[] used, int[] usedFrom, int[] supertypes, int ownPackage) {
        static final Summary NONE = new Summary(false, new int[0], new int[0], new int[0], new int[0], 0);
    }

    static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+)\\.([A-Z]\\w*)\\s*;", Pattern.MULTILINE);
    static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    static Summary summarize(String text) {
        int[] used = hashes(FIELD_TYPE.matcher(text), text, "pfs");
        java.util.Map<Integer, Integer> imported = new java.util.HashMap<>();
        Matcher imports = IMPORT.matcher(text);
        for (int from = 0; findAtLine(imports, text, "i", from); from = imports.end()) {
            String qualifier = imports.group(1);
            String last = qualifier.substring(qualifier.lastIndexOf('.') + 1);
            if (!last.isEmpty() && Character.isLowerCase(last.charAt(0))) { // a package, not an outer class
                imported.put(imports.group(2).hashCode(), qualifier.hashCode());
            }
        }
        int[] usedFrom = new int[used.length];
        for (int i = 0; i < used.length; i++) {
            usedFrom[i] = imported.getOrDefault(used[i], 0);
        }
        Matcher own = PACKAGE.matcher(text);
        return new Summary(usesDatabase(text), declared(text), used, usedFrom, supertypes(text),
                findAtLine(own, text, "p", 0) ? own.group(1).hashCode() : 0);
    }

    /**
     * Whether one of a file's field types is a type the relevant files declare: by simple name, unless the file imports
     * that name from a package none of the analyzed files is in (an slf4j {@code Logger} is not a project's entity
     * {@code Logger}) and the classpath or a models file does not name it either.
     */
    private static boolean holdsOneOf(Summary summary, Set<Integer> names, Set<Integer> packages, Set<Integer> elsewhere) {
        for (int i = 0; i < summary.used().length; i++) {
            int used = summary.used()[i];
            int from = summary.usedFrom()[i];
            if (names.contains(used) && (from == 0 || packages.contains(from) || elsewhere.contains(used))) {
                return true;
            }
        }
        return false;
    }

    private static final String[] DATABASE_WORDS = {"EntityManager", "Session", "JdbcTemplate", "JdbcClient",
        "TransactionTemplate", "LockModeType", "LockMode", "CriteriaBuilder", "DataSource", "DSLContext"};
    private static final String[] DATABASE_CALLS = {"prepareStatement", "createStatement", "getConnection"};
    private static final String[] DATABASE_ANNOTATIONS = {"Entity", "MappedSuperclass", "Embeddable", "Table",
        "Transactional", "Query", "Lock", "NamedQuery", "NamedQueries", "Modifying", "Select", "Insert", "Update", "Delete"};

    /**
     * What {@link #DATABASE} says, found by scanning for its words instead of trying the pattern at every character
     * (a tenth of the analysis on a large tree went to that).
     */
    static boolean usesDatabase(String text) {
        for (String word : DATABASE_WORDS) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                // a whole word at its end (EntityManager in SharedEntityManager too); Session a whole word at both ends
                if (!wordAt(text, at + word.length()) && (!word.equals("Session") || !wordAt(text, at - 1))) {
                    return true;
                }
            }
        }
        for (String call : DATABASE_CALLS) {
            for (int at = text.indexOf(call); at >= 0; at = text.indexOf(call, at + 1)) {
                int next = skipSpaces(text, at + call.length());
                if (next < text.length() && text.charAt(next) == '(') {
                    return true;
                }
            }
        }
        for (int at = text.indexOf("Repository"); at >= 0; at = text.indexOf("Repository", at + 1)) {
            int next = skipSpaces(text, at + "Repository".length());
            if (next < text.length() && text.charAt(next) == '<') {
                return true;
            }
        }
        for (String annotation : DATABASE_ANNOTATIONS) {
            for (int at = text.indexOf(annotation); at >= 0; at = text.indexOf(annotation, at + 1)) {
                if (!wordAt(text, at + annotation.length()) && annotated(text, at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code @Entity} or {@code @jakarta.persistence.Entity}: the name is preceded by an at sign and a package. */
    private static boolean annotated(String text, int at) {
        int before = at - 1;
        if (before >= 0 && text.charAt(before) == '@') {
            return true;
        }
        if (before < 0 || text.charAt(before) != '.') {
            return false;
        }
        while (before >= 0 && (text.charAt(before) == '.' || Character.isJavaIdentifierPart(text.charAt(before)))) {
            before--;
        }
        return before >= 0 && text.charAt(before) == '@';
    }

    private static boolean wordAt(String text, int index) {
        return index >= 0 && index < text.length() && Character.isJavaIdentifierPart(text.charAt(index));
    }

    private static int skipSpaces(String text, int index) {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
        return index;
    }

    private static final String[] DECLARING = {"class", "interface", "enum", "record"};

    /** The names after {@code class}, {@code interface}, {@code enum} and {@code record}, found by scanning for them. */
    private static int[] declared(String text) {
        Set<Integer> found = new HashSet<>();
        for (String keyword : DECLARING) {
            for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
                int name = at + keyword.length();
                if (wordAt(text, at - 1) || name >= text.length() || !Character.isWhitespace(text.charAt(name))
                        || !startsDeclaration(text, at)) {
                    continue;
                }
                name = skipSpaces(text, name);
                int end = name;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                if (end > name && Character.isUpperCase(text.charAt(name))) {
                    found.add(text.substring(name, end).hashCode());
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final", "abstract",
            "sealed", "non-sealed", "strictfp");

    /**
     * Whether the keyword at {@code at} begins a declaration: first on its line, or after a modifier or an annotation.
     * A comment's "the class String" or "an interface Logger" declares nothing; taken for a declaration, it made every
     * file with a String field relevant.
     */
    private static boolean startsDeclaration(String text, int at) {
        int before = at - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        if (before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '\r' || text.charAt(before) == ')'
                || text.charAt(before) == '{' || text.charAt(before) == '}' || text.charAt(before) == ';') {
            return true;
        }
        int end = before + 1;
        while (before >= 0 && (Character.isJavaIdentifierPart(text.charAt(before)) || text.charAt(before) == '-')) {
            before--;
        }
        String word = text.substring(before + 1, end);
        if (MODIFIERS.contains(word)) {
            return true;
        }
        // @Entity class Foo, @jakarta.persistence.Entity class Foo
        while (before >= 0 && (text.charAt(before) == '.' || Character.isJavaIdentifierPart(text.charAt(before)))) {
            before--;
        }
        return before >= 0 && text.charAt(before) == '@';
    }

    private static int[] supertypes(String text) {
        Set<Integer> found = new HashSet<>();
        for (String keyword : new String[] {"extends", "implements"}) {
            for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
                int start = at + keyword.length();
                if (wordAt(text, at - 1) || start >= text.length() || !Character.isWhitespace(text.charAt(start))) {
                    continue;
                }
                int end = start;
                while (end < text.length() && "{;()".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end >= text.length() || text.charAt(end) != '{') {
                    continue;
                }
                Matcher name = TYPE_NAME.matcher(text.substring(start, end));
                while (name.find()) {
                    found.add(name.group(1).hashCode());
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int[] hashes(Matcher matcher, String text, String firstChars) {
        Set<Integer> found = new HashSet<>();
        for (int from = 0; findAtLine(matcher, text, firstChars, from); from = matcher.end()) {
            found.add(matcher.group(1).hashCode());
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * {@code find()} of a pattern that begins {@code ^\s*} (multiline) and then one of the words starting with
     * {@code firstChars}: tried only at the lines whose first character other than a space or tab is one of them.
     * {@code find()} itself tries the pattern at every character of the file, which made most of the scan's time.
     * Like {@code find()}, it goes on from {@code from}, where the last match ended.
     */
    private static boolean findAtLine(Matcher matcher, String text, String firstChars, int from) {
        int line = from == 0 ? 0 : nextLine(text, from - 1);
        while (line >= 0 && line < text.length()) {
            int first = line;
            while (first < text.length() && " \t\f\u000B".indexOf(text.charAt(first)) >= 0) {
                first++;
            }
            if (first < text.length() && firstChars.indexOf(text.charAt(first)) >= 0
                    && matcher.region(line, text.length()).lookingAt()) {
                return true;
            }
            line = nextLine(text, first);
        }
        return false;
    }

    /** The start of the line after the one {@code index} is on: where a multiline {@code ^} matches. */
    private static int nextLine(String text, int index) {
        for (int i = index; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The indexes of the relevant summaries. Besides the files that use the database and their callers
     * ({@link #ROUNDS} field steps away), a type hierarchy is taken whole: the subclasses of a relevant type (a DAO
     * that extends a generic {@code JpaDao<T, ID>}) and the interfaces and base classes a relevant type implements or
     * extends (a port interface {@code BatchStore} that the services hold, implemented by a JPA class).
     */
    static boolean[] relevant(List<Summary> summaries) {
        return relevant(summaries, List.of());
    }

    /** @param modelled  the types a models file describes: database APIs too, though their text names none */
    static boolean[] relevant(List<Summary> summaries, List<String> modelled) {
        boolean[] relevant = new boolean[summaries.size()];
        Hierarchy hierarchy = new Hierarchy();
        modelled.forEach(type -> {
            hierarchy.names.add(type.hashCode());
            hierarchy.databaseTypes.add(type.hashCode());
        });
        Set<Integer> modelledNames = new HashSet<>(hierarchy.databaseTypes);
        for (int i = 0; i < summaries.size(); i++) {
            // a modelled type's own file (a mapper interface whose SQL is in XML): its methods' declarations are read
            if (summaries.get(i).usesDatabase() || Arrays.stream(summaries.get(i).declared()).anyMatch(modelledNames::contains)) {
                hierarchy.add(summaries.get(i), i, relevant, true);
            }
        }
        hierarchy.close(summaries, relevant);
        Set<Integer> packages = new HashSet<>();
        summaries.forEach(summary -> packages.add(summary.ownPackage()));
        for (int round = 0; round < ROUNDS; round++) {
            List<Integer> added = new ArrayList<>();
            for (int i = 0; i < summaries.size(); i++) {
                // a type known from the classpath or a models file is imported from a package of its own
                if (!relevant[i] && holdsOneOf(summaries.get(i), hierarchy.names, packages, modelledNames)) {
                    added.add(i);
                }
            }
            if (added.isEmpty()) {
                break;
            }
            added.forEach(i -> hierarchy.add(summaries.get(i), i, relevant, false));
            hierarchy.close(summaries, relevant);
        }
        return relevant;
    }

    /**
     * The names the relevant files declare, those of types that use the database (and their subclasses: a DAO built
     * on a generic one), and the supertypes of relevant files. Down the hierarchy only from database types, so that
     * an interface every service implements does not pull in every service; up from any relevant type, so that the
     * port interface a service holds is read.
     */
    private static final class Hierarchy {
        final Set<Integer> names = new HashSet<>();
        final Set<Integer> databaseTypes = new HashSet<>();
        final Set<Integer> supertypes = new HashSet<>();

        void add(Summary summary, int i, boolean[] relevant, boolean database) {
            relevant[i] = true;
            Arrays.stream(summary.declared()).forEach(names::add);
            if (database) {
                Arrays.stream(summary.declared()).forEach(databaseTypes::add);
            }
            Arrays.stream(summary.supertypes()).forEach(supertypes::add);
        }

        void close(List<Summary> summaries, boolean[] relevant) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < summaries.size(); i++) {
                    Summary summary = summaries.get(i);
                    if (relevant[i] && Arrays.stream(summary.declared()).anyMatch(databaseTypes::contains)) {
                        continue;
                    }
                    boolean subtype = Arrays.stream(summary.supertypes()).anyMatch(databaseTypes::contains);
                    if (subtype || (!relevant[i] && Arrays.stream(summary.declared()).anyMatch(supertypes::contains))) {
                        int known = names.size() + databaseTypes.size() + supertypes.size();
                        boolean wasRelevant = relevant[i];
                        add(summary, i, relevant, subtype);
                        changed |= !wasRelevant || names.size() + databaseTypes.size() + supertypes.size() != known;
                    }
                }
            }
        }
    }
}
