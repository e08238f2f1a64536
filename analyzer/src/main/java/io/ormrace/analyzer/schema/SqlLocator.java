package io.ormrace.analyzer.schema;

/**
 * Finds on which line of a changelog the text of a {@code sql} change begins, by looking for its first line in the
 * changelog's text, after the one found before. Neither the XML DOM nor the loaded YAML keep lines.
 */
final class SqlLocator {

    private final String changelog;
    private int searchFrom;
    /** Lines are counted forward from the last offset asked, since the search only moves forward. */
    private int countedTo;
    private int countedLine = 1;

    SqlLocator(String changelog) {
        this.changelog = changelog;
    }

    /** The changelog's line on which the first line of {@code sql} is, 0 when it cannot be found. */
    int firstLine(String sql) {
        String[] lines = sql.split("\\r?\\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty()) {
                continue;
            }
            int found = changelog.indexOf(line, searchFrom);
            if (found < 0) {
                return 0;
            }
            searchFrom = found + line.length();
            int first = lineAt(found) - index;
            return Math.max(first, 0);
        }
        return 0;
    }

    private int lineAt(int offset) {
        for (; countedTo < offset; countedTo++) {
            if (changelog.charAt(countedTo) == '\n') {
                countedLine++;
            }
        }
        return countedLine;
    }
}
