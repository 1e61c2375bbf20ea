package io.seglift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.seglift.cli.sql.CsvResultWriter;
import io.seglift.cli.sql.JsonResultWriter;
import io.seglift.cli.sql.QueryStreamer;
import io.seglift.cli.sql.TextTableWriter;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class QueryStreamerTest {
    private DuckDbWarehouse w;

    @BeforeEach
    void data() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        w.execute("CREATE TABLE t (id INTEGER, name VARCHAR, amount DOUBLE, seen_at TIMESTAMP, ok BOOLEAN)");
        w.execute("INSERT INTO t SELECT i, 'n' || i, i * 1.5, TIMESTAMP '2026-06-30 10:00:00', i % 2 = 0 "
                + "FROM range(1, 251) r(i)");
        w.execute("INSERT INTO t VALUES (999, 'a, \"quoted\" name', NULL, NULL, NULL)");
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void textIsAlignedAndCappedAtTheLimit() {
        StringWriter s = new StringWriter();
        long rows = new QueryStreamer(w).stream("SELECT id, name, amount FROM t ORDER BY id", 3,
                new TextTableWriter(new PrintWriter(s)));
        assertThat(rows).isEqualTo(3);
        assertThat(s.toString().lines().toList()).containsExactly(
                "id  name  amount",
                "--  ----  ------",
                " 1  n1       1.5",
                " 2  n2         3",
                " 3  n3       4.5",
                "(3 rows; more rows exist: raise --limit, or use --format csv or json for all rows)");
    }

    @Test
    void csvStreamsEveryRowWithQuotingAndEmptyNulls() {
        StringWriter s = new StringWriter();
        long rows = new QueryStreamer(w).stream("SELECT id, name, amount, seen_at, ok FROM t ORDER BY id", -1,
                new CsvResultWriter(new PrintWriter(s)));
        assertThat(rows).isEqualTo(251);
        var lines = s.toString().split("\r\n");
        assertThat(lines).hasSize(252);
        assertThat(lines[0]).isEqualTo("id,name,amount,seen_at,ok");
        assertThat(lines[1]).isEqualTo("1,n1,1.5,2026-06-30 10:00:00,false");
        assertThat(lines[251]).isEqualTo("999,\"a, \"\"quoted\"\" name\",,,");
    }

    @Test
    void jsonIsAnArrayOfTypedObjects() throws Exception {
        StringWriter s = new StringWriter();
        new QueryStreamer(w).stream("SELECT id, name, amount, ok FROM t WHERE id IN (2, 999) ORDER BY id", -1,
                new JsonResultWriter(s));
        JsonNode json = Json.MAPPER.readTree(s.toString());
        assertThat(json.size()).isEqualTo(2);
        assertThat(json.get(0).get("id").asInt()).isEqualTo(2);
        assertThat(json.get(0).get("amount").asDouble()).isEqualTo(3.0);
        assertThat(json.get(0).get("ok").asBoolean()).isTrue();
        assertThat(json.get(1).get("amount").isNull()).isTrue();
    }

    @Test
    void anEmptyResultIsStillWellFormed() throws Exception {
        StringWriter json = new StringWriter();
        new QueryStreamer(w).stream("SELECT * FROM t WHERE id < 0", -1, new JsonResultWriter(json));
        assertThat(Json.MAPPER.readTree(json.toString()).size()).isZero();
        StringWriter text = new StringWriter();
        new QueryStreamer(w).stream("SELECT * FROM t WHERE id < 0", 100, new TextTableWriter(new PrintWriter(text)));
        assertThat(text.toString().strip()).isEqualTo("(0 rows)");
    }

    @Test
    void aWriteThatReachesTheWarehouseIsRefusedByTheEngineAndLeavesNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QueryStreamer(w).stream(
                        "INSERT INTO t (id) VALUES (-1) RETURNING id", -1,
                        new CsvResultWriter(new PrintWriter(new StringWriter()))))
                .isInstanceOf(io.seglift.spi.warehouse.ReadOnlyViolationException.class);
        assertThat(w.queryLong("SELECT count(*) FROM t WHERE id = -1")).isZero();
    }
}
