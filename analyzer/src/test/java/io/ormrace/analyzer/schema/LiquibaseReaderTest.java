package io.ormrace.analyzer.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.analyzer.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiquibaseReaderTest {

    private final Schema schema = new Schema();
    private final List<Problem> problems = new ArrayList<>();
    private final LiquibaseReader reader = new LiquibaseReader(schema, new DdlReader(schema, problems::add), problems::add);

    @Test
    void sqlChangesOfAnXmlChangelogKeepTheirLines() {
        reader.read("db.changelog.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="dev">
                        <createTable tableName="wallet">
                            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                        </createTable>
                    </changeSet>
                    <changeSet id="2" author="dev">
                        <sql>
                            <comment>the owner may hold one wallet per currency</comment>
                            CREATE UNIQUE INDEX ux_wallet_owner ON wallet (owner_id, currency);
                        </sql>
                    </changeSet>
                    <changeSet id="3" author="dev">
                        <sql splitStatements="true"><![CDATA[
                            ALTER TABLE wallet ADD CONSTRAINT uk_wallet_number UNIQUE (number);
                            ALTER TABLE wallet ADD CONSTRAINT broken UNIQUE;
                        ]]></sql>
                    </changeSet>
                </databaseChangeLog>
                """);

        assertThat(schema.find("wallet").get().uniqueKeys()).extracting(Table.UniqueKey::declaredIn)
                .containsExactly("db.changelog.xml", "db.changelog.xml:11", "db.changelog.xml:16");
        assertThat(problems).singleElement().extracting(Problem::line).isEqualTo(17);
    }

    @Test
    void sqlChangesOfAYamlChangelogKeepTheirLines() {
        reader.read("db.changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: dev
                      changes:
                        - sql:
                            sql: |
                              CREATE TABLE ledger (
                                id bigint PRIMARY KEY
                              );

                              CREATE UNIQUE INDEX ux_ledger_ref ON ledger (ref);
                """);

        assertThat(schema.find("ledger").get().uniqueKeys()).extracting(Table.UniqueKey::declaredIn)
                .containsExactly("db.changelog.yaml:8", "db.changelog.yaml:12");
    }

    @Test
    void aChangelogThatCannotBeParsedIsReportedAtTheLineWhereParsingStopped() {
        reader.read("db.changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="dev">
                        <sql>CREATE TABLE t (id int PRIMARY KEY)</sq>
                    </changeSet>
                </databaseChangeLog>
                """);

        assertThat(problems).singleElement().extracting(Problem::line).isEqualTo(3);
    }
}
