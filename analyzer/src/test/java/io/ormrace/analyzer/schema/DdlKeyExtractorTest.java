package io.ormrace.analyzer.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fallback alone, on the DDL it is there for: what it reads does not depend on what JSqlParser can read. */
class DdlKeyExtractorTest {

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("CREATE TABLE IF NOT EXISTS settings (key varchar(255) PRIMARY KEY, value text, user varchar(9) UNIQUE, "
                        + "\"order\" int, type int, position int, comment text)", "settings: settings(key) settings(user)"),
                Arguments.of("CREATE TEMP TABLE t (id int CONSTRAINT t_pk PRIMARY KEY, a int, b int, CONSTRAINT t_ab UNIQUE (a, b))",
                        "t: t(id) t(a,b)"),
                Arguments.of("CREATE TABLE `m_loan` (`id` bigint(20) NOT NULL AUTO_INCREMENT, `code` varchar(9) COMMENT 'unique?', "
                        + "`name` varchar(99), PRIMARY KEY (`id`), UNIQUE KEY `uk` (`code`,`name`), KEY `ix` (`name`(10)), "
                        + "FULLTEXT KEY `ft` (`name`)) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
                        "m_loan: m_loan(id) m_loan(code,name)"),
                Arguments.of("CREATE TABLE t (id int, UNIQUE INDEX ux USING BTREE (a(20) DESC), PRIMARY KEY USING BTREE (id))",
                        "t: t(a) t(id)"),
                Arguments.of("CREATE UNLOGGED TABLE public.t (id int, at date, PRIMARY KEY (id, at) WITH (fillfactor=70)) "
                        + "PARTITION BY RANGE (at) WITH (fillfactor=70) TABLESPACE fast", "t: t(id,at)"),
                Arguments.of("CREATE TABLE t (a int CHECK (a IN (1, 2) AND a IS NOT NULL) DEFAULT 1, b text DEFAULT 'unique', "
                        + "c int REFERENCES u (id) ON DELETE CASCADE, CHECK id >= 0)", "t: none"),
                Arguments.of("CREATE TABLE t (x int) ON COMMIT PRESERVE ROWS", "t: none"),
                Arguments.of("CREATE TABLE t AS SELECT * FROM u", "t: none"),
                Arguments.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux ON ONLY public.users USING btree (lower(email)) "
                        + "INCLUDE (name) WHERE deleted_at IS NULL", "users(email)"),
                Arguments.of("CREATE UNIQUE INDEX ON t ((lower(a) || b), c NULLS FIRST, d COLLATE \"C\" text_pattern_ops)", "t(a,b,c,d)"),
                Arguments.of("CREATE UNIQUE CLUSTERED INDEX [ux] ON [dbo].[t] ([a] ASC, [b] DESC) WITH (ONLINE = ON)", "t(a,b)"),
                Arguments.of("CREATE PRIMARY KEY PUBLIC.PK_T ON PUBLIC.T(ID)", "T(ID)"),
                Arguments.of("ALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id)", "t(id)"),
                Arguments.of("ALTER TABLE IF EXISTS ONLY t ADD CONSTRAINT u1 UNIQUE (a), ADD CONSTRAINT fk FOREIGN KEY (b) REFERENCES u, "
                        + "ADD COLUMN IF NOT EXISTS c varchar(9) NOT NULL UNIQUE, ADD d int, ADD UNIQUE KEY u2 (e(5), f), "
                        + "DROP COLUMN g, ALTER COLUMN h SET NOT NULL", "t(a) t(c) t(e,f)"),
                Arguments.of("ALTER TABLE t ADD (x int UNIQUE, CONSTRAINT t_pk PRIMARY KEY (id) USING INDEX TABLESPACE idx)", "t(x) t(id)"),
                Arguments.of("ALTER TABLE t MODIFY COLUMN a int UNIQUE KEY, CHANGE COLUMN b c int PRIMARY KEY", "t(a) t(c)"),
                Arguments.of("ALTER TABLE t ADD CONSTRAINT t_key UNIQUE USING INDEX ux_t", "none"),
                Arguments.of("ALTER TABLE t ADD INDEX ix (a), ADD KEY k (b), ADD CHECK (c > 0)", "none"),
                Arguments.of("CREATE TABLE ${schema}.t (id int PRIMARY KEY)", "t: t(id)"));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void readsTheKeysOf(String sql, String expected) {
        Optional<StatementKeys> keys = DdlKeyExtractor.extract(SqlLexer.tokens(sql));

        assertThat(keys).isPresent();
        assertThat(describe(keys.get())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (id int PRIMARY KEY, ((((", "CREATE TABLE t (PRIMARY KEY)", "CREATE TABLE (id int)",
            "CREATE UNIQUE INDEX ux ON t", "CREATE UNIQUE INDEX ux ON t (1)", "ALTER TABLE t ADD CONSTRAINT c UNIQUE",
            "ALTER TABLE t ADD CONSTRAINT", "CREATE TABLE t PARTITION OF p (CONSTRAINT c UNIQUE (a)) FOR VALUES IN (1)"})
    void cannotReadMalformedStatements(String sql) {
        assertThat(DdlKeyExtractor.extract(SqlLexer.tokens(sql))).isEmpty();
    }

    private static String describe(StatementKeys keys) {
        String declared = keys.keys().isEmpty() ? "none" : keys.keys().stream()
                .map(key -> key.table() + "(" + String.join(",", key.columns()) + ")").collect(Collectors.joining(" "));
        return keys.createdTable().map(table -> table + ": " + declared).orElse(declared);
    }
}
