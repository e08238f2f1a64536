package io.ormrace.analyzer.flow;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import io.ormrace.analyzer.code.SyntaxTrees;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A catch that surrounds an insert: does it catch a unique violation, re-read the row, undo a savepoint? */
final class CatchInfo {

    /** Exceptions a unique violation arrives as, or any of their supertypes. */
    private static final Set<String> DUPLICATE_TYPES = Set.of("DataIntegrityViolationException", "DuplicateKeyException",
            "DataAccessException", "NonTransientDataAccessException", "PersistenceException", "EntityExistsException",
            "ConstraintViolationException", "SQLIntegrityConstraintViolationException", "SQLException",
            "BatchUpdateException", "JpaSystemException", "RuntimeException", "Exception", "Throwable",
            "UncategorizedSQLException", "JDBCException", "HibernateException");
    private static final Pattern READ = Pattern.compile("^(find|get|read|query|select|load|fetch|lookup|search|exists|count)[A-Z_]?.*");
    private static final Set<String> NOT_READS = Set.of("getMessage", "getCause", "getSQLState", "getErrorCode",
            "getClass", "getLocalizedMessage", "getConstraintName", "getMostSpecificCause", "getRootCause",
            "getNextException", "getStackTrace", "getSuppressed");

    private final List<String> types;
    private final CatchClause clause;
    /** The calls in the catch block, searched for only when a unique violation asks what the handler does. */
    private List<MethodCallExpr> calls;

    private CatchInfo(List<String> types, CatchClause clause) {
        this.types = types;
        this.clause = clause;
    }

    static CatchInfo of(CatchClause clause) {
        List<String> types = clause.getParameter().getType().isUnionType()
                ? clause.getParameter().getType().asUnionType().getElements().stream().map(t -> t.asString()).toList()
                : List.of(clause.getParameter().getType().asString());
        return new CatchInfo(types.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList(), clause);
    }

    /** Whether the handler reads again ({@code findByEmail} after a duplicate): the retry of a get-or-create. */
    boolean reReads() {
        return calls().stream().map(MethodCallExpr::getNameAsString)
                .anyMatch(name -> READ.matcher(name).matches() && !NOT_READS.contains(name));
    }

    boolean rollsBackToSavepoint() {
        return calls().stream().anyMatch(call -> call.getNameAsString().equals("rollback") && call.getArguments().size() == 1);
    }

    private List<MethodCallExpr> calls() {
        if (calls == null) {
            calls = SyntaxTrees.findAll(clause.getBody(), MethodCallExpr.class);
        }
        return calls;
    }

    /** Exceptions that say a lookup found nothing. */
    private static final Set<String> ABSENCE_TYPES = Set.of("NoResultException", "EmptyResultDataAccessException",
            "EntityNotFoundException", "NoSuchElementException", "ObjectNotFoundException", "IncorrectResultSizeDataAccessException");

    boolean catchesAbsence() {
        return types.stream().anyMatch(ABSENCE_TYPES::contains);
    }

    boolean catchesUniqueViolation() {
        return types.stream().anyMatch(DUPLICATE_TYPES::contains);
    }
}
