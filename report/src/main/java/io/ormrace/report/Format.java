package io.ormrace.report;

import java.util.Locale;
import java.util.Optional;

/** The report formats, and the writer of each. */
public enum Format {
    TEXT(new TextReport(), ".txt"),
    JSON(new JsonReport(), ".json"),
    SARIF(new SarifReport(), ".sarif"),
    HTML(new HtmlReport(), ".html");

    private final ReportWriter writer;
    private final String extension;

    Format(ReportWriter writer, String extension) {
        this.writer = writer;
        this.extension = extension;
    }

    public String write(Report report) {
        return writer.write(report);
    }

    /** The file extension of this format, with its dot: {@code .sarif}. */
    public String extension() {
        return extension;
    }

    public static Optional<Format> byName(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The format a file name asks for by its extension ({@code .sarif.json} counts as SARIF). */
    public static Optional<Format> forFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sarif") || lower.endsWith(".sarif.json")) {
            return Optional.of(SARIF);
        }
        for (Format format : values()) {
            if (lower.endsWith(format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
