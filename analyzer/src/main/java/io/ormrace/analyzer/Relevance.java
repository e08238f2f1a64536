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

    private static final Pattern DATABASE = Pattern.compile("@Entity\\b|@MappedSuperclass\\b|@Embeddable\\b|@Table\\b"
            + "|EntityManager\\b|\\bSession\\b|JdbcTemplate\\b|JdbcClient\\b|prepareStatement\\s*\\(|createStatement\\s*\\("
            + "|TransactionTemplate\\b|@Transactional\\b|LockModeType\\b|Repository\\s*<|@Query\\b|@Lock\\b"
            + "|DataSource\\b|getConnection\\s*\\(");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");
    /** A field's declared type: how the walk crosses from one bean to another (and how Spring injects them). */
    private static final Pattern FIELD_TYPE = Pattern.compile(
            "^\\s*(?:(?:private|protected|public|final|static)\\s+)+([A-Z]\\w*)(?:<[^;=()]*>)?\\s+\\w+\\s*[;=]",
            Pattern.MULTILINE);

    /** What one file's text says, kept small: hashes of the type names it declares and of its fields' types. */
    record Summary(boolean usesDatabase, int[] declared, int[] used) {
    }

    static Summary summarize(String text) {
        return new Summary(DATABASE.matcher(text).find(), hashes(DECLARED.matcher(text), 1), hashes(FIELD_TYPE.matcher(text), 1));
    }

    private static int[] hashes(Matcher matcher, int group) {
        Set<Integer> found = new HashSet<>();
        while (matcher.find()) {
            found.add(matcher.group(group).hashCode());
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The indexes of the relevant summaries. */
    static boolean[] relevant(List<Summary> summaries) {
        boolean[] relevant = new boolean[summaries.size()];
        Set<Integer> names = new HashSet<>();
        for (int i = 0; i < summaries.size(); i++) {
            if (summaries.get(i).usesDatabase()) {
                relevant[i] = true;
                Arrays.stream(summaries.get(i).declared()).forEach(names::add);
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            List<Integer> added = new ArrayList<>();
            for (int i = 0; i < summaries.size(); i++) {
                if (!relevant[i] && Arrays.stream(summaries.get(i).used()).anyMatch(names::contains)) {
                    added.add(i);
                }
            }
            if (added.isEmpty()) {
                break;
            }
            for (int i : added) {
                relevant[i] = true;
                Arrays.stream(summaries.get(i).declared()).forEach(names::add);
            }
        }
        return relevant;
    }
}
