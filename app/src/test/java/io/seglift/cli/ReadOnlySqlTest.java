package io.seglift.cli;

import io.seglift.cli.sql.ReadOnlySql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReadOnlySqlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "select * from raw.orders limit 5;",
            "  WITH x AS (SELECT 1 AS a) SELECT a FROM x",
            "(SELECT 1) UNION ALL (SELECT 2)",
            "SHOW TABLES",
            "DESCRIBE raw.orders",
            "EXPLAIN SELECT * FROM raw.orders",
            "SUMMARIZE raw.orders",
            "SELECT 'drop table x; delete' AS s",
            "SELECT \"update\" FROM t -- insert into y\n",
            "/* create */ SELECT replace(name, 'a', 'b'), created_at FROM t",
    })
    void allowsReadOnlyStatements(String sql) {
        assertThat(ReadOnlySql.check(sql).isAllowed()).as(sql).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ;  ",
            "DELETE FROM raw.orders",
            "drop table raw.orders",
            "INSERT INTO t VALUES (1)",
            "UPDATE t SET a = 1",
            "CREATE TABLE x AS SELECT 1",
            "SELECT 1; DROP TABLE raw.orders",
            "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
            "SELECT * INTO new_table FROM t",
            "EXPLAIN ANALYZE INSERT INTO t SELECT 1",
            "COPY raw.orders TO 'x.csv'",
            "ATTACH 'other.duckdb'",
            "PRAGMA threads=1",
            "CALL dbgen(sf=1)",
            "SET threads = 1",
    })
    void refusesAnythingElse(String sql) {
        ReadOnlySql.Verdict v = ReadOnlySql.check(sql);
        assertThat(v.isAllowed()).as(sql).isFalse();
        assertThat(v.reason()).isPresent();
    }

    @org.junit.jupiter.api.Test
    void namesWhatIsAllowed() {
        assertThat(ReadOnlySql.check("DELETE FROM t").reason().orElseThrow())
                .contains("'DELETE'").contains("read-only").contains("SELECT, WITH, SHOW, DESCRIBE, EXPLAIN, SUMMARIZE");
    }
}
