package io.ormrace.analyzer.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates schema files from a list of numbers: SQL DDL (create table and index, alter table, with quoting,
 * comments, dollar quotes, keywords as names, statements cut short) and Liquibase changelogs in XML and YAML, valid
 * and broken (attributes missing or of the wrong type, lists where maps belong, aliases, odd scalars).
 */
final class SchemaTexts {

    private static final List<String> NAMES = List.of("account", "tag", "device", "coupon", "\"Weird Name\"", "`back`",
            "[bracket]", "shop.account", "\"shop\".\"tag\"", "key", "value", "order", "user", "select", "table", "unique",
            "primary", "index", "from", "where", "a", "ünit", "x_1", "\"\"", "t" + "x".repeat(70), "public.\"Device\"");
    private static final List<String> COLUMNS = List.of("id", "name", "code", "tenant", "serial_number", "email", "key",
            "value", "order", "user", "\"Quoted Col\"", "`c`", "[c]", "a", "b", "unique", "primary", "index", "\"\"", "ünicode");
    private static final List<String> TYPES = List.of("int", "bigint", "varchar(255)", "text", "numeric(10, 2)", "serial",
            "uuid", "timestamp with time zone", "int[]", "enum('a', 'b')", "decimal(", "char(36)", "boolean", "json", "");
    private static final List<String> COLUMN_CONSTRAINTS = List.of("", "", "not null", "primary key", "unique", "null",
            "default 'x;y'", "default now()", "references tag (id)", "check (a > 0)", "generated always as identity",
            "auto_increment", "collate \"C\"", "constraint uk_x unique", "unique not null", "primary key autoincrement",
            "unique key", "constraint", "default $$a;b$$", "default 'it''s'", "unique references tag");

    private final Choices c;

    private SchemaTexts(Choices choices) {
        this.c = choices;
    }

    // ---------------------------------------------------------------- SQL

    static String ddl(Choices choices) {
        return new SchemaTexts(choices).ddl();
    }

    private String ddl() {
        StringBuilder out = new StringBuilder(c.pick("", "-- schema\n", "/* header */\n", "\uFEFF", "SET NAMES utf8;\n"));
        int statements = 1 + c.below(8);
        for (int i = 0; i < statements; i++) {
            out.append(statement()).append(c.pick(";\n", ";\n", ";", "\n;\n", ";;\n", " ;  \n", "\n", "\r\n;\r\n", ";\n\n-- done\n", "; -- x\n"));
        }
        return out.toString();
    }

    private String name() {
        return c.pick(NAMES);
    }

    private String column() {
        return c.pick(COLUMNS);
    }

    private String columns() {
        int count = c.below(4);
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            columns.add(column() + c.pick("", "", " asc", " desc", " nulls first", " collate \"C\"", "(10)"));
        }
        return String.join(c.pick(", ", ",", " , ", ",,"), columns);
    }

    private String statement() {
        return switch (c.below(12)) {
            case 0, 1, 2 -> createTable();
            case 3, 4 -> createIndex();
            case 5, 6 -> alterAdd();
            case 7 -> "alter table " + name() + " " + c.pick("add column x int unique", "drop constraint c", "rename to u",
                    "alter column c set not null", "add foreign key (a) references b (c)", "", "add", "add constraint",
                    "add unique", "add primary key", "add constraint pk primary key using index idx", "drop primary key",
                    "add constraint uk unique using index idx", "modify a int unique");
            case 8 -> c.pick("insert into " + name() + " values (1, 'create table x (a int primary key);')",
                    "comment on table " + name() + " is 'unique; primary key'", "create view v as select * from " + name(),
                    "create function f() returns trigger as $$\nbegin\n  create table x (a int primary key);\n  return null;\nend;\n$$ language plpgsql",
                    "create sequence s", "grant all on " + name() + " to u", "create schema s", "drop table " + name(),
                    "create extension if not exists \"uuid-ossp\"", "create type mood as enum ('a', 'b')",
                    "create trigger t before insert on " + name() + " for each row execute function f()");
            case 9 -> c.pick("create table", "create unique index", "alter table", "create", "create table " + name() + " (",
                    "create table " + name() + " (id int", "create unique index on", "alter table " + name() + " add unique (",
                    "/* unterminated", "-- create table x (a int primary key)", "create table " + name() + " ()",
                    "create table " + name() + " (like other including all)", "create table " + name() + " as select * from t",
                    "create table " + name() + " partition of p for values in (1)", "create temporary table " + name() + " (a int unique)",
                    "create unique index i on " + name() + " ((lower(" + column() + ")))", "CREATE UNIQUE INDEX \"i\" ON \"t\" (\"a\")");
            case 10 -> "create table " + name() + " (" + "(".repeat(c.pick(1, 2, 5, 20)) + column() + " int" + ")".repeat(c.below(3)) + ")";
            default -> junk();
        };
    }

    private String createTable() {
        StringBuilder out = new StringBuilder("create ").append(c.pick("", "", "temporary ", "unlogged ", "global temporary "))
                .append("table ").append(c.pick("", "", "if not exists ")).append(name()).append(" (");
        List<String> parts = new ArrayList<>();
        int columns = c.below(5);
        for (int i = 0; i < columns; i++) {
            parts.add(column() + " " + c.pick(TYPES) + " " + c.pick(COLUMN_CONSTRAINTS) + (c.maybe(20) ? " " + c.pick(COLUMN_CONSTRAINTS) : ""));
        }
        int constraints = c.below(3);
        for (int i = 0; i < constraints; i++) {
            parts.add(c.pick("primary key (" + columns() + ")", "unique (" + columns() + ")", "constraint uk_" + i + " unique (" + columns() + ")",
                    "unique key uk (" + columns() + ")", "unique index (" + columns() + ")", "constraint pk primary key (" + columns() + ")",
                    "foreign key (a) references t (b)", "check (a > 0)", "index idx (" + columns() + ")", "key k (" + columns() + ")",
                    "exclude using gist (a with =)", "unique (" + columns() + ") deferrable initially deferred",
                    "primary key (" + columns() + ") using index tablespace x", "constraint", "unique", "primary key", "unique ()",
                    "unique nulls not distinct (" + columns() + ")"));
        }
        out.append(String.join(c.pick(",\n    ", ", ", ",,"), parts)).append(")");
        out.append(c.pick("", "", " engine=InnoDB", " default charset=utf8mb4", " with (fillfactor = 70)", " inherits (t)", " without rowid"));
        return out.toString();
    }

    private String createIndex() {
        return "create " + c.pick("unique ", "unique ", "", "UNIQUE ", "unique clustered ") + "index " + c.pick("", "", "if not exists ",
                "concurrently ") + c.pick("idx ", "\"Idx\" ", "", "ix_1 ", "on ") + "on " + c.pick("", "only ") + name()
                + c.pick("", " using btree", " using hash") + " (" + columns() + ")" + c.pick("", "", " where deleted = false",
                " include (" + columns() + ")", " nulls not distinct", " with (fillfactor = 70)", " tablespace t");
    }

    private String alterAdd() {
        return "alter table " + c.pick("", "only ", "if exists ") + name() + " add " + c.pick(
                "constraint uk unique (" + columns() + ")", "unique (" + columns() + ")", "primary key (" + columns() + ")",
                "constraint pk primary key (" + columns() + ")", "unique key uk (" + columns() + ")", "unique index ix (" + columns() + ")",
                "constraint uk unique", "constraint \"uk\" unique (" + columns() + ")", "unique (" + columns() + "), add primary key (" + columns() + ")",
                "constraint uk unique (" + columns() + ") deferrable", "index i (" + columns() + ")");
    }

    private String junk() {
        StringBuilder out = new StringBuilder();
        int words = 1 + c.below(12);
        for (int i = 0; i < words; i++) {
            out.append(c.pick("create", "table", "unique", "index", "primary", "key", "alter", "add", "constraint", "on", "(", ")",
                    ",", ";", "'", "\"", "`", "$$", "--", "/*", "*/", name(), column(), "1", "null", "\\", "\u0000", "é", "\t")).append(" ");
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- Liquibase XML

    static String xml(Choices choices) {
        return new SchemaTexts(choices).xml();
    }

    private String xml() {
        StringBuilder out = new StringBuilder(c.pick("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "", "\uFEFF<?xml version=\"1.0\"?>\n",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n", "<!DOCTYPE x [<!ENTITY e \"create table\">]>\n", "<?xml version=\"1.1\"?>\n"));
        out.append(c.pick("<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n", "<databaseChangeLog>\n",
                "<lb:databaseChangeLog xmlns:lb=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n", "<root><!-- databaseChangeLog -->\n"));
        int changeSets = c.below(4);
        for (int i = 0; i < changeSets; i++) {
            out.append("  <changeSet id=\"").append(i).append("\" author=\"fuzz\">\n");
            int changes = c.below(5);
            for (int j = 0; j < changes; j++) {
                out.append(xmlChange());
            }
            out.append("  </changeSet>\n");
        }
        if (c.maybe(10)) {
            out.append(xmlChange());
        }
        out.append(c.pick("</databaseChangeLog>\n", "</databaseChangeLog>\n", "", "</databaseChangeLog><x/>\n", "</lb:databaseChangeLog>\n", "</root>\n"));
        return out.toString();
    }

    private String attribute(String name, String value) {
        return c.maybe(85) ? " " + name + "=\"" + value + "\"" : c.pick("", " " + name + "=\"\"", " " + name, " " + name + "='" + value + "'",
                " " + name + "=\"" + value + "\" " + name + "=\"x\"", " " + name.toUpperCase() + "=\"" + value + "\"");
    }

    private String flag() {
        return c.pick("true", "true", "false", "TRUE", "yes", "1", "", "${unique}");
    }

    private String xmlChange() {
        String table = c.pick("account", "tag", "device", "", "Weird Name", "shop.account", "&amp;", "a\"b");
        return switch (c.below(9)) {
            case 0, 1 -> {
                StringBuilder out = new StringBuilder("    <createTable").append(attribute("tableName", table)).append(">\n");
                int columns = c.below(4);
                for (int i = 0; i < columns; i++) {
                    out.append("      <column").append(attribute("name", c.pick("id", "name", "code", "", "a b"))).append(attribute("type", "bigint"))
                            .append(c.maybe(70) ? ">\n        <constraints" + attribute(c.pick("primaryKey", "unique", "nullable"), flag())
                            + (c.maybe(30) ? attribute("unique", flag()) : "") + "/>\n      </column>\n" : "/>\n");
                }
                if (c.maybe(10)) {
                    out.append("      <constraints primaryKey=\"true\"/>\n      text\n");
                }
                yield out.append("    </createTable>\n").toString();
            }
            case 2 -> "    <addUniqueConstraint" + attribute("tableName", table) + attribute("columnNames", c.pick("a", "a, b", "", ",,", " a , b ",
                    "a,", ",a", "a;b", "${cols}")) + attribute("constraintName", "uk") + "/>\n";
            case 3 -> "    <addPrimaryKey" + attribute("tableName", table) + attribute("columnNames", c.pick("id", "a, b", "", ",")) + "/>\n";
            case 4 -> {
                StringBuilder out = new StringBuilder("    <createIndex").append(attribute("tableName", table))
                        .append(attribute("indexName", "ix")).append(attribute("unique", flag())).append(">\n");
                int columns = c.below(3);
                for (int i = 0; i < columns; i++) {
                    out.append("      <column").append(attribute("name", c.pick("a", "b", "", "lower(a)"))).append("/>\n");
                }
                yield out.append("    </createIndex>\n").toString();
            }
            case 5, 6 -> "    <sql" + c.pick("", " splitStatements=\"false\"", " dbms=\"postgresql\"") + ">" + c.pick(xmlText(ddl()),
                    "<![CDATA[" + ddl().replace("]]>", "") + "]]>", "", "<!-- " + xmlText(ddl()).replace("--", "") + " -->",
                    xmlText(ddl()) + "<comment>x</comment>", "&lt;", "&#0;", "&e;", "\u0001") + "</sql>\n";
            case 7 -> c.pick("    <sql/>\n", "    <sqlFile path=\"x.sql\"/>\n", "    <include file=\"other.xml\"/>\n", "    <dropTable tableName=\"t\"/>\n",
                    "    <createTable tableName=\"t\"><column name=\"a\"><constraints primaryKey=\"true\"/></column>\n",
                    "    <createIndex unique=\"true\"/>\n", "    <sql>" + "<a>".repeat(c.pick(10, 1000, 20_000)) + "create table x (a int primary key)"
                            + "</a>".repeat(c.pick(10, 1000, 20_000)) + "</sql>\n", "    <![CDATA[x]]>\n", "    <?pi x?>\n", "    text & more\n");
            default -> "    <lb:createTable tableName=\"" + table + "\"><lb:column name=\"id\"><lb:constraints primaryKey=\"true\"/></lb:column></lb:createTable>\n";
        };
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\u0000", "");
    }

    // ---------------------------------------------------------------- Liquibase YAML

    static String yaml(Choices choices) {
        return new SchemaTexts(choices).yaml();
    }

    private String yaml() {
        StringBuilder out = new StringBuilder(c.pick("", "---\n", "# changelog\n", "%YAML 1.1\n---\n"));
        out.append(c.pick("databaseChangeLog:\n", "databaseChangeLog:\n", "databaseChangeLog: ~\n", "databaseChangeLog: [\n", "? databaseChangeLog\n:\n"));
        int changeSets = c.below(4);
        for (int i = 0; i < changeSets; i++) {
            out.append("  - changeSet:\n      id: ").append(c.pick(String.valueOf(i), "\"" + i + "\"", "~", "[1, 2]")).append("\n      author: fuzz\n");
            out.append("      changes:").append(c.maybe(10) ? c.pick(" ~", " {}", " x", " 1", " &changes []") : "").append("\n");
            int changes = c.below(5);
            for (int j = 0; j < changes; j++) {
                out.append(yamlChange());
            }
        }
        if (c.maybe(15)) {
            out.append(c.pick("---\ndatabaseChangeLog: []\n", "  - include:\n      file: x.yaml\n", "\tchanges: []\n",
                    "changes:\n  - sql: {sql: \"create unique index i on t (a)\"}\n", "x: *undefined\n", "  - !!python/object:os.system x\n",
                    "anchor: &a [*a]\nchanges:\n  - createTable: *a\n", "databaseChangeLog: &r {changes: [*r]}\n"));
        }
        return out.toString();
    }

    private String scalar(String plain) {
        return c.maybe(80) ? plain : c.pick("~", "null", "true", "1", "1.5", "2020-01-01", "[a, b]", "{a: 1}", "\"" + plain + "\"",
                "'" + plain + "'", "!!binary AAAA", ".inf", "0x1F", "|\n          " + plain, "&s " + plain, "*s", "!!set {a, b}",
                "!!omap [a: 1]", "!!pairs [a: 1, a: 2]", "!!str 1", "!!int x", "", "\"\\u0000\"", "[" + plain + "]",
                "&rec [*rec]", "&rm {k: *rm}", "&deep [[*deep]]", "!custom x");
    }

    private String yamlChange() {
        String indent = "        ";
        String table = c.pick("account", "tag", "device", "Weird Name", "shop.account");
        return switch (c.below(8)) {
            case 0, 1 -> {
                StringBuilder out = new StringBuilder(indent + "- createTable:\n" + indent + "    tableName: " + scalar(table) + "\n");
                out.append(indent).append("    columns:").append(c.maybe(10) ? " " + scalar("x") : "").append("\n");
                int columns = c.below(4);
                for (int i = 0; i < columns; i++) {
                    out.append(indent).append("      - column:").append(c.maybe(5) ? " " + scalar("x") : "").append("\n")
                            .append(indent).append("          name: ").append(scalar(c.pick("id", "name", "code"))).append("\n")
                            .append(indent).append("          type: bigint\n");
                    if (c.maybe(70)) {
                        out.append(indent).append("          constraints:").append(c.maybe(10) ? " " + scalar("x") + "\n" : "\n" + indent
                                + "            " + c.pick("primaryKey", "unique", "nullable", "1", "~") + ": " + scalar("true") + "\n");
                    }
                }
                yield out.toString();
            }
            case 2 -> indent + "- addUniqueConstraint:\n" + indent + "    tableName: " + scalar(table) + "\n"
                    + (c.maybe(85) ? indent + "    columnNames: " + scalar(c.pick("a", "a, b", "''", "\",,\"", "a,")) + "\n" : "");
            case 3 -> indent + "- addPrimaryKey: " + c.pick("{tableName: " + table + ", columnNames: id}", "[tableName, id]", "~", "x",
                    "{tableName: [a], columnNames: {a: 1}}", "{columnNames: 5}", "{}");
            case 4 -> indent + "- createIndex:\n" + indent + "    tableName: " + scalar(table) + "\n" + indent + "    unique: " + scalar("true") + "\n"
                    + indent + "    columns:\n" + indent + "      - column:\n" + indent + "          name: " + scalar("a") + "\n";
            case 5 -> indent + "- sql:" + c.pick(" {sql: \"" + ddl().replace("\\", "").replace("\"", "'").replace("\n", " ") + "\"}\n",
                    "\n" + indent + "    sql: |\n" + indent + "      " + ddl().replace("\n", "\n" + indent + "      ") + "\n",
                    " \"create unique index i on t (a)\"\n", " ~\n", "\n" + indent + "    sql: " + scalar("x") + "\n", " [a, b]\n");
            case 6 -> indent + "- " + c.pick("1: {tableName: t}", "~: x", "true: {columnNames: a}", "? [a, b]\n" + indent + "  : c",
                    "createTable", "[createTable]", "{createTable: {tableName: t}, addUniqueConstraint: {tableName: t, columnNames: a}}",
                    "addUniqueConstraint: &u {tableName: t, columnNames: a}\n" + indent + "- addPrimaryKey: *u",
                    "<<: {createTable: {tableName: t}}", "createTable: !!omap [tableName: t]") + "\n";
            default -> indent + "- " + c.pick("dropTable: {tableName: t}", "include: {file: x.yaml}", "tagDatabase: {tag: v1}",
                    "createTable: {tableName: t, columns: {column: {name: a}}}", "createTable: {tableName: t, columns: [column, {column: [a]}]}",
                    "createIndex: {tableName: t, unique: \"true\", columns: [{column: {name: a}}]}") + "\n";
        };
    }
}
