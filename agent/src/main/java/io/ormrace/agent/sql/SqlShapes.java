package io.ormrace.agent.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/** Parses statement texts with JSqlParser into {@link SqlShape}s, once per distinct text (bounded cache). */
public final class SqlShapes {

    private static final int CACHE_LIMIT = 8192;
    private static final Pattern LOCKING = Pattern.compile(
            "\\bfor\\s+(no\\s+key\\s+)?update\\b|\\bfor\\s+(key\\s+)?share\\b|\\block\\s+in\\s+share\\s+mode\\b");
    private static final Pattern UPSERT = Pattern.compile(
            "^\\s*(merge\\b|insert\\s+ignore\\b|replace\\b)|\\bon\\s+conflict\\b|\\bon\\s+duplicate\\s+key\\b");
    private static final Pattern TRANSACTION = Pattern.compile(
            "^\\s*(commit|rollback|begin|start\\s+transaction)(\\s+(work|transaction))?\\s*;?\\s*$");

    private final Map<String, SqlShape> cache = new ConcurrentHashMap<>();
    private final AtomicLong unparsed = new AtomicLong();
    private final Map<String, String> unparsedSamples = new ConcurrentHashMap<>();

    public SqlShape shape(String sql) {
        SqlShape shape = cache.get(sql);
        if (shape == null) {
            shape = parse(sql);
            if (shape instanceof SqlShape.Unparsed failed) {
                unparsed.incrementAndGet();
                if (unparsedSamples.size() < 10) {
                    unparsedSamples.putIfAbsent(sql, failed.reason());
                }
            }
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(sql, shape);
        }
        return shape;
    }

    /** Distinct statement texts the parser could not read (each counted once while cached). */
    public long unparsedCount() {
        return unparsed.get();
    }

    public Map<String, String> unparsedSamples() {
        return unparsedSamples;
    }

    static SqlShape parse(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        java.util.regex.Matcher tx = TRANSACTION.matcher(lower);
        if (tx.find()) {
            String word = tx.group(1);
            return new SqlShape.TransactionControl(sql, word.equals("commit") || word.equals("rollback"));
        }
        Statement statement;
        try {
            statement = parseLeniently(sql);
        } catch (Exception | Error e) {
            // JavaCC reports some inputs with an Error: either way, this one text is not followed
            return new SqlShape.Unparsed(sql, firstLine(e));
        }
        if (statement instanceof PlainSelect select) {
            return select(sql, select, LOCKING.matcher(lower).find());
        }
        if (statement instanceof Update update) {
            return update(sql, update);
        }
        if (statement instanceof Insert insert) {
            return insert(sql, insert, UPSERT.matcher(lower).find());
        }
        return new SqlShape.Other(sql);
    }

    /**
     * Parses the text as written, else with the rewrites that keep its meaning for the rules: column names that are
     * keywords to the parser ({@code number}, {@code value}, {@code year}; legal to the databases) quoted, and a lock
     * clause the parser lacks (MySQL's {@code lock in share mode}) dropped; {@link #LOCKING} still reads the original.
     */
    private static Statement parseLeniently(String sql) throws Exception {
        String quoted = KEYWORD_COLUMNS.matcher(sql).replaceAll("$1\"$2\"");
        Set<String> attempts = new LinkedHashSet<>(List.of(sql, quoted, LOCK_CLAUSE.matcher(sql).replaceFirst(""),
                LOCK_CLAUSE.matcher(quoted).replaceFirst("")));
        Exception firstFailure = null;
        for (String attempt : attempts) {
            try {
                return CCJSqlParserUtil.newParser(attempt).Statement();
            } catch (Exception | Error e) {
                if (firstFailure == null) {
                    firstFailure = e instanceof Exception ex ? ex : new IllegalArgumentException(e.getMessage(), e);
                }
            }
        }
        throw firstFailure;
    }

    private static final Pattern LOCK_CLAUSE = Pattern.compile(LOCKING.pattern() + ".*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern KEYWORD_COLUMNS = Pattern.compile("(?i)(^|[\\s,.(=<>])(number|value|key|date|time|timestamp|year|month"
            + "|day|level|size|comment|position|role|user|type|data|text|range|row|rows|system|index|status|count)(?=\\s*(?:[,=<>)]|$|\\s+(?:from|where|and|or|as|is|in|like|between|for|order|group|limit|asc|desc|not|set)\\b))");

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static SqlShape select(String sql, PlainSelect select, boolean locking) {
        Map<String, String> aliases = new HashMap<>();
        Set<String> tables = new HashSet<>();
        String main = addTable(select.getFromItem(), aliases, tables);
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                addTable(join.getFromItem(), aliases, tables);
            }
        }
        if (main == null) {
            return new SqlShape.Other(sql);
        }
        List<ColumnRef> items = new ArrayList<>();
        Map<String, ColumnRef> labels = new HashMap<>();
        boolean star = false;
        boolean count = false;
        List<SelectItem<?>> selectItems = select.getSelectItems();
        for (SelectItem<?> item : selectItems) {
            Expression expression = item.getExpression();
            ColumnRef column = expression instanceof Column c ? column(c, aliases, main) : null;
            if (expression instanceof AllColumns) {
                star = true;
            }
            if (expression instanceof Function function && selectItems.size() == 1
                    && "count".equalsIgnoreCase(function.getName())) {
                count = true;
            }
            items.add(column);
            if (column != null) {
                String label = item.getAlias() != null ? name(item.getAlias().getName()) : column.column();
                labels.putIfAbsent(label, column);
            }
        }
        List<SqlShape.Eq> where = new ArrayList<>();
        List<SqlShape.In> in = new ArrayList<>();
        boolean[] other = new boolean[1];
        conjuncts(select.getWhere(), aliases, main, where, in, other);
        return new SqlShape.Select(sql, items, labels, tables, star, count, where, in, locking);
    }

    private static String addTable(FromItem from, Map<String, String> aliases, Set<String> tables) {
        if (!(from instanceof Table table)) {
            return null;
        }
        String name = name(table.getName());
        tables.add(name);
        aliases.put(name, name);
        if (table.getAlias() != null) {
            aliases.put(name(table.getAlias().getName()), name);
        }
        return name;
    }

    private static SqlShape update(String sql, Update update) {
        String table = name(update.getTable().getName());
        Map<String, String> aliases = new HashMap<>();
        aliases.put(table, table);
        if (update.getTable().getAlias() != null) {
            aliases.put(name(update.getTable().getAlias().getName()), table);
        }
        Map<String, Operand> sets = new HashMap<>();
        for (UpdateSet set : update.getUpdateSets()) {
            ExpressionList<?> values = set.getValues();
            for (int i = 0; i < set.getColumns().size(); i++) {
                Expression value = values != null && i < values.size() ? (Expression) values.get(i) : null;
                sets.put(name(set.getColumns().get(i).getColumnName()), operand(value));
            }
        }
        List<SqlShape.Eq> where = new ArrayList<>();
        List<SqlShape.In> in = new ArrayList<>();
        boolean[] other = new boolean[1];
        conjuncts(update.getWhere(), aliases, table, where, in, other);
        return new SqlShape.Update(sql, table, sets, where, other[0] || !in.isEmpty());
    }

    private static SqlShape insert(String sql, Insert insert, boolean upsert) {
        String table = name(insert.getTable().getName());
        List<String> columns = new ArrayList<>();
        if (insert.getColumns() != null) {
            insert.getColumns().forEach(c -> columns.add(name(c.getColumnName())));
        }
        List<List<Operand>> rows = new ArrayList<>();
        if (insert.getSelect() instanceof Values values && values.getExpressions() != null) {
            ExpressionList<?> list = values.getExpressions();
            boolean multiRow = !list.isEmpty() && list.stream().allMatch(ExpressionList.class::isInstance)
                    && (columns.size() != 1 || list.size() > 1 && list.get(0) instanceof ExpressionList<?> first && first.size() == 1);
            if (multiRow) {
                for (Object row : list) {
                    rows.add(operands((ExpressionList<?>) row));
                }
            } else {
                rows.add(operands(list));
            }
        }
        return new SqlShape.Insert(sql, table, columns, rows, upsert);
    }

    private static List<Operand> operands(ExpressionList<?> list) {
        List<Operand> operands = new ArrayList<>();
        for (Object value : list) {
            operands.add(operand((Expression) value));
        }
        return operands;
    }

    private static void conjuncts(Expression where, Map<String, String> aliases, String main, List<SqlShape.Eq> eqs,
            List<SqlShape.In> ins, boolean[] other) {
        if (where == null) {
            return;
        }
        if (where instanceof ParenthesedExpressionList<?> group && group.size() == 1) {
            conjuncts((Expression) group.get(0), aliases, main, eqs, ins, other);
        } else if (where instanceof AndExpression and) {
            conjuncts(and.getLeftExpression(), aliases, main, eqs, ins, other);
            conjuncts(and.getRightExpression(), aliases, main, eqs, ins, other);
        } else if (where instanceof EqualsTo equals && equals.getLeftExpression() instanceof Column left
                && !(equals.getRightExpression() instanceof Column)) {
            eqs.add(new SqlShape.Eq(column(left, aliases, main), operand(equals.getRightExpression())));
        } else if (where instanceof EqualsTo equals && equals.getRightExpression() instanceof Column right
                && !(equals.getLeftExpression() instanceof Column)) {
            eqs.add(new SqlShape.Eq(column(right, aliases, main), operand(equals.getLeftExpression())));
        } else if (where instanceof InExpression in && !in.isNot() && in.getLeftExpression() instanceof Column left
                && in.getRightExpression() instanceof ExpressionList<?> list) {
            ins.add(new SqlShape.In(column(left, aliases, main), operands(list)));
        } else {
            other[0] = true;
        }
    }

    private static ColumnRef column(Column column, Map<String, String> aliases, String main) {
        Table owner = column.getTable();
        String table = main;
        if (owner != null && owner.getName() != null) {
            table = aliases.getOrDefault(name(owner.getName()), name(owner.getName()));
        }
        return new ColumnRef(table, name(column.getColumnName()));
    }

    private static Operand operand(Expression value) {
        if (value instanceof JdbcParameter parameter && parameter.getIndex() != null) {
            return new Operand.Param(parameter.getIndex());
        }
        if (value instanceof LongValue number) {
            return new Operand.Literal(number.getValue());
        }
        if (value instanceof DoubleValue number) {
            return new Operand.Literal(number.getValue());
        }
        if (value instanceof StringValue string) {
            return new Operand.Literal(string.getValue());
        }
        if (value instanceof NullValue) {
            return new Operand.Literal(null);
        }
        return new Operand.Computed(String.valueOf(value));
    }

    /** Lower case, quotes dropped: {@code "Account"} and {@code ACCOUNT} are the same table to every database here. */
    public static String name(String raw) {
        String name = raw;
        if (name.length() > 1 && (name.charAt(0) == '"' || name.charAt(0) == '`' || name.charAt(0) == '[')) {
            name = name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
