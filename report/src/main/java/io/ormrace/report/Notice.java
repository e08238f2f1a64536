package io.ormrace.report;

/** Something the producer could not read or do (an unparseable file, an unparsable statement), shown beside findings. */
public record Notice(String level, String file, int line, String message) {
}
