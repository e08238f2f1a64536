package io.ormrace.analyzer.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ormrace.analyzer.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DdlReaderTest {

    private final Schema schema = new Schema();
    private final List<Problem> problems = new ArrayList<>();
    private final DdlReader reader = new DdlReader(schema, problems::add);

    // ---- lines

    @Test
    void aStatementAfterALongBlockCommentIsReportedAtItsOwnLine() {
        String script = "/*\n" + " * licence text\n".repeat(78) + " */\n"
                + "CREATE TABLE broken (\n"
                + "    id bigint PRIMARY KEY,\n"
                + "    ((( not sql at all\n"
                + ");\n";

        reader.read("V1__init.sql", script);

        assertThat(script.lines().toList().get(80)).startsWith("CREATE TABLE broken");
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(81);
            assertThat(problem.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(problem.message()).isEqualTo("cannot read this DDL statement, its unique keys are ignored: CREATE TABLE broken (");
        });
    }

    @Test
    void statementsEndAtTheirSemicolonWhateverFollowsOnTheLine() {
        reader.read("schema.sql", """
                CREATE TABLE a (id int PRIMARY KEY); -- the first table
                CREATE TABLE b (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY);
                /* a block
                   comment */ CREATE TABLE d (
                  id int,
                  CONSTRAINT d_pk PRIMARY KEY (id)
                ); # a MySQL comment; it's no statement

                CREATE TABLE e (code varchar(3) UNIQUE)
                """);

        assertThat(declaredIn("a")).containsExactly("schema.sql:1");
        assertThat(declaredIn("b")).containsExactly("schema.sql:2");
        assertThat(declaredIn("c")).containsExactly("schema.sql:2");
        assertThat(declaredIn("d")).containsExactly("schema.sql:4");
        assertThat(declaredIn("e")).containsExactly("schema.sql:9");
        assertThat(problems).isEmpty();
    }

    @Test
    void semicolonsAndCommentMarksInsideStringsAndQuotedNamesDoNotEndStatements() {
        reader.read("V2__data.sql", """
                INSERT INTO note (body) VALUES ('one; two -- three /* four'), ('it''s; \\'quoted\\'; ok');
                CREATE TABLE "odd;name" ("a;b" int PRIMARY KEY, `c--d` int UNIQUE, [e/*f] int UNIQUE);
                INSERT INTO note (body) VALUES ('line one;
                line two;
                line three');
                CREATE TABLE after_strings (id int PRIMARY KEY);
                """);

        assertThat(schema.find("odd;name").get().uniqueKeys())
                .extracting(Table.UniqueKey::columns).containsExactly(set("a;b"), set("c--d"), set("e/*f"));
        assertThat(declaredIn("after_strings")).containsExactly("V2__data.sql:6");
        assertThat(problems).isEmpty();
    }

    @Test
    void windowsLineEndsCountOnce() {
        reader.read("schema.sql", "-- header\r\n\r\nCREATE TABLE a (id int PRIMARY KEY);\r\n\r\nCREATE TABLE b (id int PRIMARY KEY);\r\n");

        assertThat(declaredIn("a")).containsExactly("schema.sql:3");
        assertThat(declaredIn("b")).containsExactly("schema.sql:5");
    }

    @Test
    void postgresFunctionBodiesInDollarQuotesAreOneStatement() {
        reader.read("V3__functions.sql", """
                CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
                BEGIN
                    NEW.updated_at := now(); -- keep unique rows fresh
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;

                CREATE FUNCTION count_unique(t text) RETURNS bigint AS $body$
                    SELECT count(DISTINCT x) FROM y WHERE z = 'primary key; unique';
                $body$ LANGUAGE sql;

                CREATE TABLE account (
                    id uuid PRIMARY KEY,
                    email varchar(255) NOT NULL UNIQUE
                );
                SELECT $1, price$ FROM t;
                CREATE TABLE after_params (id int PRIMARY KEY);
                """);

        assertThat(declaredIn("account")).containsExactly("V3__functions.sql:12", "V3__functions.sql:12");
        assertThat(declaredIn("after_params")).containsExactly("V3__functions.sql:17");
        assertThat(problems).isEmpty();
    }

    @Test
    void mysqlDelimiterLinesSetTheStatementEnd() {
        reader.read("procedures.sql", """
                DELIMITER //
                CREATE PROCEDURE add_flag()
                BEGIN
                    SELECT 1;
                    SELECT 2;
                END //
                DELIMITER ;
                CREATE TABLE flag (
                  id int NOT NULL,
                  PRIMARY KEY (id)
                ) ENGINE=InnoDB;
                DELIMITER $$
                CREATE TRIGGER flag_ai AFTER INSERT ON flag FOR EACH ROW BEGIN SET @x = 1; END$$
                DELIMITER ;
                CREATE TABLE after_trigger (id int PRIMARY KEY);
                """);

        assertThat(declaredIn("flag")).containsExactly("procedures.sql:8");
        assertThat(declaredIn("after_trigger")).containsExactly("procedures.sql:15");
        assertThat(problems).isEmpty();
    }

    @Test
    void aLoneSlashOrGoLineEndsAStatement() {
        reader.read("oracle.sql", """
                CREATE TABLE customer (
                  id NUMBER(19) NOT NULL,
                  CONSTRAINT customer_pk PRIMARY KEY (id)
                )
                /
                CREATE UNIQUE INDEX customer_code ON customer (code)
                /
                """);
        reader.read("sqlserver.sql", """
                CREATE TABLE [dbo].[Client] (
                  [Id] INT IDENTITY(1,1) NOT NULL,
                  [Code] NVARCHAR(10) NOT NULL,
                  CONSTRAINT [PK_Client] PRIMARY KEY CLUSTERED ([Id] ASC) WITH (PAD_INDEX = OFF) ON [PRIMARY]
                ) ON [PRIMARY]
                GO
                CREATE UNIQUE NONCLUSTERED INDEX [UX_Client_Code] ON [dbo].[Client] ([Code] ASC)
                GO
                """);

        assertThat(schema.find("customer").get().uniqueKeys()).containsExactly(
                key("oracle.sql:1", "id"), key("oracle.sql:6", "code"));
        assertThat(schema.find("client").get().uniqueKeys()).containsExactly(
                key("sqlserver.sql:1", "id"), key("sqlserver.sql:7", "code"));
        assertThat(problems).isEmpty();
    }

    @Test
    void hashCommentLinesOfMysqlScriptsAreComments() {
        reader.read("update.sql", """
                #--------------------------------------
                # Don't run twice; it's not idempotent
                #--------------------------------------
                CREATE TABLE tag (
                  tag_id int NOT NULL,
                  PRIMARY KEY (tag_id)
                );
                """);

        assertThat(declaredIn("tag")).containsExactly("update.sql:4");
        assertThat(problems).isEmpty();
    }

    @Test
    void liquibaseSqlIsReadFromTheLineItStartsOn() {
        reader.read("changelog.xml", "\n\nCREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (PRIMARY KEY);\n", 10);

        assertThat(declaredIn("a")).containsExactly("changelog.xml:12");
        assertThat(problems).singleElement().extracting(Problem::line).isEqualTo(13);
    }

    // ---- statements JSqlParser cannot read

    @Test
    void columnsNamedByKeywordsAndCreateTableIfNotExists() {
        reader.read("schema-entities.sql", """
                CREATE TABLE IF NOT EXISTS key_dictionary
                (
                    key    varchar(255) NOT NULL,
                    key_id serial UNIQUE,
                    CONSTRAINT key_dictionary_id_pkey PRIMARY KEY (key)
                );

                CREATE TABLE IF NOT EXISTS user_settings (
                    user_id uuid NOT NULL,
                    type varchar(50),
                    settings varchar(10000),
                    value text,
                    "order" int,
                    position int,
                    comment text,
                    user varchar(20),
                    CONSTRAINT user_settings_pkey PRIMARY KEY (user_id, type)
                );
                """);

        assertThat(schema.find("key_dictionary").get().uniqueKeys()).containsExactly(
                key("schema-entities.sql:1", "key_id"), key("schema-entities.sql:1", "key"));
        assertThat(schema.find("user_settings").get().uniqueKeys()).containsExactly(
                key("schema-entities.sql:8", "user_id", "type"));
        assertThat(problems).isEmpty();
    }

    @Test
    void mysqlDumpTableOptions() {
        reader.read("dump.sql", """
                --
                -- Table structure for table `m_client`
                --

                DROP TABLE IF EXISTS `m_client`;
                /*!40101 SET @saved_cs_client     = @@character_set_client */;
                /*!40101 SET character_set_client = utf8 */;
                CREATE TABLE `m_client` (
                  `id` bigint(20) NOT NULL AUTO_INCREMENT,
                  `key` varchar(100) NOT NULL COMMENT 'natural key; unique per office',
                  `office_id` bigint(20) NOT NULL,
                  `external_id` varchar(100) CHARACTER SET utf8 COLLATE utf8_bin DEFAULT NULL,
                  `display_name` varchar(100) NOT NULL,
                  `status` enum('active','closed') DEFAULT 'active',
                  PRIMARY KEY (`id`),
                  UNIQUE KEY `uk_office_key` (`office_id`,`key`),
                  UNIQUE KEY `uk_external` USING BTREE (`external_id`(50)),
                  KEY `idx_name` (`display_name`(10)),
                  CONSTRAINT `fk_office` FOREIGN KEY (`office_id`) REFERENCES `m_office` (`id`)
                ) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='clients';
                /*!40101 SET character_set_client = @saved_cs_client */;
                """);

        assertThat(schema.find("m_client").get().uniqueKeys()).containsExactly(
                key("dump.sql:8", "id"), key("dump.sql:8", "office_id", "key"), key("dump.sql:8", "external_id"));
        assertThat(problems).isEmpty();
    }

    @Test
    void postgresTableOptionsAndPartitions() {
        reader.read("V4__events.sql", """
                CREATE UNLOGGED TABLE IF NOT EXISTS event_queue (
                    id bigint GENERATED ALWAYS AS IDENTITY,
                    topic text NOT NULL CHECK (topic <> 'unique'),
                    payload jsonb DEFAULT '{"primary key": true}',
                    CONSTRAINT event_queue_pk PRIMARY KEY (id) WITH (fillfactor=70) USING INDEX TABLESPACE fast
                ) WITH (fillfactor=70) TABLESPACE fast;

                CREATE TABLE measurement (
                    device_id uuid NOT NULL,
                    at timestamptz NOT NULL,
                    value double precision,
                    UNIQUE NULLS NOT DISTINCT (device_id, at)
                ) PARTITION BY RANGE (at);
                """);

        assertThat(schema.find("event_queue").get().uniqueKeys()).containsExactly(key("V4__events.sql:1", "id"));
        assertThat(schema.find("measurement").get().uniqueKeys()).containsExactly(key("V4__events.sql:8", "device_id", "at"));
        assertThat(problems).isEmpty();
    }

    @Test
    void uniqueIndexesWithPostgresOptionsAndExpressions() {
        reader.read("V5__indexes.sql", """
                CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_user_email ON ONLY public.app_user USING btree (lower(email)) WHERE deleted = false;
                CREATE UNIQUE INDEX ux_user_login ON app_user (login DESC NULLS LAST, tenant_id ASC);
                CREATE UNIQUE INDEX ux_user_name ON app_user USING btree ((lower((first_name)::text)), last_name varchar_pattern_ops);
                CREATE UNIQUE INDEX ON app_user (code COLLATE "C");
                CREATE INDEX ix_user_created ON app_user (created_at);
                """);

        assertThat(schema.find("app_user").get().uniqueKeys()).containsExactly(
                key("V5__indexes.sql:1", "email"),
                key("V5__indexes.sql:2", "login", "tenant_id"),
                key("V5__indexes.sql:3", "first_name", "last_name"),
                key("V5__indexes.sql:4", "code"));
        assertThat(problems).isEmpty();
    }

    @Test
    void alterTableAddsKeys() {
        reader.read("V6__constraints.sql", """
                ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
                ALTER TABLE IF EXISTS orders
                    ADD CONSTRAINT orders_number_key UNIQUE (number),
                    ADD COLUMN IF NOT EXISTS token varchar(32) UNIQUE,
                    ADD COLUMN position int,
                    ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);
                ALTER TABLE orders ADD UNIQUE KEY uk_orders_ref (ref(20), channel), ADD KEY idx_orders_date (created);
                ALTER TABLE orders ADD (CONSTRAINT orders_code_uk UNIQUE (code) USING INDEX TABLESPACE idx ENABLE);
                ALTER TABLE orders MODIFY COLUMN serial int(11) UNIQUE KEY NOT NULL;
                ALTER TABLE PUBLIC.ORDERS ADD CONSTRAINT PUBLIC.CONSTRAINT_8C PRIMARY KEY(ID, "VALUE");
                """);

        assertThat(schema.find("orders").get().uniqueKeys()).containsExactly(
                key("V6__constraints.sql:1", "id"),
                key("V6__constraints.sql:2", "number"),
                key("V6__constraints.sql:2", "token"),
                key("V6__constraints.sql:7", "ref", "channel"),
                key("V6__constraints.sql:8", "code"),
                key("V6__constraints.sql:9", "serial"),
                key("V6__constraints.sql:10", "id", "value"));
        assertThat(problems).isEmpty();
    }

    @Test
    void aConstraintUsingAnIndexAddsNothingNew() {
        reader.read("V7__swap.sql", """
                CREATE UNIQUE INDEX CONCURRENTLY ux_sku ON product (sku);
                ALTER TABLE product ADD CONSTRAINT product_sku_key UNIQUE USING INDEX ux_sku;
                CREATE INDEX CONCURRENTLY ix_name ON product (name);
                ALTER TABLE product ADD CONSTRAINT product_name_key UNIQUE USING INDEX ix_name;
                ALTER TABLE product ADD CONSTRAINT product_pkey PRIMARY KEY USING INDEX product_id_idx;
                """);

        assertThat(schema.find("product").get().uniqueKeys()).containsExactly(key("V7__swap.sql:1", "sku"));
        assertThat(problems).isEmpty();
    }

    @Test
    void h2AndOracleVariations() {
        reader.read("schema.sql", """
                CREATE CACHED TABLE PUBLIC.ACCOUNT(
                    ID BIGINT AUTO_INCREMENT NOT NULL,
                    KEY VARCHAR(64) NOT NULL,
                    VALUE VARCHAR(255)
                );
                ALTER TABLE PUBLIC.ACCOUNT ADD CONSTRAINT PUBLIC.CONSTRAINT_E PRIMARY KEY(ID);
                CREATE UNIQUE INDEX PUBLIC.UX_ACCOUNT_KEY ON PUBLIC.ACCOUNT(KEY NULLS FIRST);
                CREATE MEMORY TABLE IF NOT EXISTS SETTING (ID INT IDENTITY PRIMARY KEY, NAME VARCHAR(20) UNIQUE);
                CREATE GLOBAL TEMPORARY TABLE session_cart (
                    id NUMBER(19,0) NOT NULL ENABLE,
                    CONSTRAINT session_cart_pk PRIMARY KEY (id) USING INDEX TABLESPACE users ENABLE
                ) ON COMMIT PRESERVE ROWS ORGANIZATION INDEX;
                """);

        assertThat(schema.find("account").get().uniqueKeys()).containsExactly(key("schema.sql:6", "id"), key("schema.sql:7", "key"));
        assertThat(schema.find("setting").get().uniqueKeys()).containsExactly(key("schema.sql:8", "id"), key("schema.sql:8", "name"));
        assertThat(schema.find("session_cart").get().uniqueKeys()).containsExactly(key("schema.sql:9", "id"));
        assertThat(problems).isEmpty();
    }

    @Test
    void wordsInsideChecksDefaultsAndCommentsAreNoKeys() {
        reader.read("V8__checks.sql", """
                CREATE TABLE rule (
                    id int,
                    kind varchar(20) CHECK (kind IN ('unique', 'primary key')) DEFAULT 'unique',
                    note text COMMENT 'PRIMARY KEY is elsewhere',
                    parent_id int REFERENCES rule (id), -- unique per parent
                    KEY idx_kind (kind)
                );
                """);

        assertThat(schema.find("rule")).isPresent();
        assertThat(schema.find("rule").get().uniqueKeys()).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void ddlInsideRoutinesAndDoBlocksIsRead() {
        reader.read("V9__conditional.sql", """
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'tenant_name_key') THEN
                        ALTER TABLE tenant ADD CONSTRAINT tenant_name_key UNIQUE (name);
                    END IF;
                END
                $$;
                DELIMITER //
                CREATE PROCEDURE diff_procedure(IN version VARCHAR(10))
                BEGIN
                    IF (SELECT 1) THEN
                        CREATE TABLE `concept_tag` (
                          `concept_tag_id` int(11) NOT NULL auto_increment,
                          PRIMARY KEY (`concept_tag_id`)
                        ) ENGINE=InnoDB DEFAULT CHARSET=utf8;
                    END IF;
                END;
                //
                DELIMITER ;
                """);

        assertThat(declaredIn("tenant")).containsExactly("V9__conditional.sql:4");
        assertThat(declaredIn("concept_tag")).containsExactly("V9__conditional.sql:12");
        assertThat(problems).isEmpty();
    }

    // ---- what cannot be read

    @Test
    void onlyUnreadableStatementsThatMentionKeysAreReported() {
        reader.read("V10__odd.sql", """
                CREATE TABLE quiet (((( no keys here;
                CREATE TABLE loud (id int PRIMARY KEY, ((((;
                CREATE TABLE also_loud AS SELECT * FROM x UNION SELECT 'a' WHERE UNIQUE (SELECT 1);
                CREATE VIEW v AS SELECT DISTINCT a FROM t WHERE a IS NOT NULL AND unique_flag;
                CREATE FUNCTION f() RETURNS int AS 'SELECT 1 /* unique */' LANGUAGE sql;
                CREATE INDEX ix ON t ((((;
                ALTER TABLE t DROP CONSTRAINT t_pkey, DROP PRIMARY KEY;
                GRANT SELECT ON t TO reader;
                """);

        assertThat(problems).extracting(Problem::line).containsExactly(2, 3);
        assertThat(problems).extracting(Problem::message).containsExactly(
                "cannot read this DDL statement, its unique keys are ignored: CREATE TABLE loud (id int PRIMARY KEY, ((((",
                "cannot read this DDL statement, its unique keys are ignored: CREATE TABLE also_loud AS SELECT * FROM x UNION SELECT 'a' WHERE UNIQUE (SELECT 1)");
    }

    @Test
    @Timeout(60)
    void deeplyNestedStatementsNeitherThrowNorHang() {
        String nested = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        String script = "CREATE TABLE deep (id int PRIMARY KEY, x int CHECK " + nested + ");\n"
                + "ALTER TABLE deep ADD CONSTRAINT c CHECK " + "(".repeat(20_000) + ";\n"
                + "CREATE TABLE after_deep (id int PRIMARY KEY);\n";

        assertThatCode(() -> reader.read("deep.sql", script)).doesNotThrowAnyException();

        assertThat(declaredIn("deep")).containsExactly("deep.sql:1");
        assertThat(declaredIn("after_deep")).containsExactly("deep.sql:3");
    }

    @Test
    void unterminatedStringsCommentsAndQuotesDoNotThrow() {
        List<String> scripts = List.of("CREATE TABLE a (id int PRIMARY KEY, b text DEFAULT 'open",
                "CREATE TABLE a (id int PRIMARY KEY) /* open", "CREATE TABLE \"a (id int PRIMARY KEY)",
                "CREATE TABLE a (id int PRIMARY KEY) $$ open", "CREATE TABLE `a", "CREATE TABLE [a", "DELIMITER",
                "DELIMITER //\nCREATE TABLE a (id int PRIMARY KEY)", ";;;", "", "CREATE", "ALTER TABLE", "CREATE UNIQUE INDEX",
                "CREATE UNIQUE INDEX x ON", "CREATE UNIQUE INDEX x ON t", "CREATE UNIQUE INDEX x ON t (", "ALTER TABLE t ADD",
                "ALTER TABLE t ADD CONSTRAINT", "CREATE TABLE t (CONSTRAINT", "CREATE TABLE t (,,,)", "${x}", "$", "'\\");

        for (String script : scripts) {
            assertThatCode(() -> reader.read("bad.sql", script)).as(script).doesNotThrowAnyException();
        }
        assertThat(problems).allMatch(problem -> !problem.isInternal());
    }

    @Test
    void randomCutsOfRealisticScriptsNeverThrow() {
        String script = """
                CREATE TABLE IF NOT EXISTS `a` (`key` int NOT NULL, [b] int UNIQUE, "c" text DEFAULT 'x;y', PRIMARY KEY (`key`));
                CREATE UNIQUE INDEX CONCURRENTLY ux ON ONLY a USING btree (lower(c)) WHERE b > 0;
                DO $$ BEGIN ALTER TABLE a ADD CONSTRAINT u UNIQUE (b); END $$;
                ALTER TABLE a ADD (CONSTRAINT p PRIMARY KEY (b)), ADD COLUMN d int UNIQUE;
                DELIMITER //
                CREATE PROCEDURE p() BEGIN CREATE TABLE z (id int PRIMARY KEY); END //
                DELIMITER ;
                /* done */ -- really
                """;
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            int from = random.nextInt(script.length());
            int to = from + random.nextInt(script.length() - from + 1);
            String cut = script.substring(from, to);
            assertThatCode(() -> reader.read("cut.sql", cut)).as(cut).doesNotThrowAnyException();
        }
        assertThat(problems).allMatch(problem -> !problem.isInternal());
    }

    private List<String> declaredIn(String table) {
        return schema.find(table).orElseThrow().uniqueKeys().stream().map(Table.UniqueKey::declaredIn).toList();
    }

    private static Table.UniqueKey key(String declaredIn, String... columns) {
        return new Table.UniqueKey(set(columns), declaredIn);
    }

    private static java.util.Set<String> set(String... columns) {
        return Arrays.stream(columns).map(Names::key).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
