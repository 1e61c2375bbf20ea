package io.seglift.scoring;

import io.seglift.config.AuditConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.scoring.audit.AuditResult;
import io.seglift.scoring.audit.Auditor;
import io.seglift.scoring.holdout.HoldoutHash;
import io.seglift.scoring.holdout.HoldoutSql;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.seglift.warehouse.postgres.PostgresWarehouseFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The holdout formula, RFM, segment builds and the audit give identical results on DuckDB and PostgreSQL. */
class CrossDialectTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 7, 1);
    private static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static Warehouse postgres() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        Warehouse w = PostgresWarehouseFactory.open(pg.getJdbcUrl("postgres", "postgres"), props, "seglift");
        w.execute("DROP SCHEMA IF EXISTS seglift CASCADE");
        w.execute("DROP TABLE IF EXISTS public.keys");
        w.execute("DROP TABLE IF EXISTS public.customers");
        w.execute("DROP TABLE IF EXISTS public.orders");
        return w;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("", "0", "O'Brien", "ünïcødé-ключ", "a:b:c", " spaced ", "17850.0"));
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            keys.add(i % 2 == 0 ? Integer.toString(random.nextInt(10_000_000)) : java.util.UUID.nameUUIDFromBytes(
                    Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        }
        return keys;
    }

    private static List<String> bucketsInSql(Warehouse w, String salt) {
        w.execute("CREATE TABLE keys (k " + w.dialect().type(io.seglift.spi.warehouse.ColumnType.TEXT) + ")");
        try (BulkWriter out = w.bulkWriter(TableName.parse("keys", "t"), List.of("k"))) {
            keys().forEach(out::row);
        }
        List<String> rows = new ArrayList<>();
        w.query("SELECT k, " + new HoldoutSql(w.dialect()).bucket(salt, "k") + " AS b FROM keys", List.of(),
                r -> rows.add(r.string("k") + "=" + r.longValue("b")));
        rows.sort(null);
        return rows;
    }

    @Test
    void holdoutBucketIsIdenticalInDuckDbPostgresAndJava() {
        String salt = "lapsed_reengage 'v2' ✓";
        List<String> java = new ArrayList<>(keys().stream().map(k -> k + "=" + HoldoutHash.bucket(salt, k)).toList());
        java.sort(null);
        List<String> duck;
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            duck = bucketsInSql(w, salt);
        }
        List<String> post;
        try (Warehouse w = postgres()) {
            post = bucketsInSql(w, salt);
        }
        assertThat(duck).hasSize(5007).isEqualTo(java);
        assertThat(post).isEqualTo(java);
    }

    private static void loadShop(Warehouse w) {
        var d = w.dialect();
        w.execute("CREATE TABLE customers (cust_id INTEGER, email " + d.type(io.seglift.spi.warehouse.ColumnType.TEXT)
                + ", phone " + d.type(io.seglift.spi.warehouse.ColumnType.TEXT) + ", email_ok BOOLEAN, sms_ok BOOLEAN,"
                + " dnd BOOLEAN, tier " + d.type(io.seglift.spi.warehouse.ColumnType.TEXT) + ")");
        w.execute("CREATE TABLE orders (order_id " + d.type(io.seglift.spi.warehouse.ColumnType.TEXT)
                + ", cust_id INTEGER, ordered_at TIMESTAMP, amount DOUBLE PRECISION, status "
                + d.type(io.seglift.spi.warehouse.ColumnType.TEXT) + ")");
        Random random = new Random(11);
        try (BulkWriter c = w.bulkWriter(TableName.parse("customers", "t"),
                List.of("cust_id", "email", "phone", "email_ok", "sms_ok", "dnd", "tier"))) {
            for (int i = 1; i <= 400; i++) {
                c.row(i, i % 9 == 0 ? "broken" : "c" + i + "@x.example", i % 3 == 0 ? "+1555" + i : null, i % 2 == 0,
                        i % 3 == 0, i % 7 == 0, i % 4 == 0 ? "gold" : "silver");
            }
        }
        try (BulkWriter o = w.bulkWriter(TableName.parse("orders", "t"),
                List.of("order_id", "cust_id", "ordered_at", "amount", "status"))) {
            for (int i = 0; i < 3000; i++) {
                LocalDateTime at = LocalDateTime.of(2023, 1, 1, 0, 0).plusHours(random.nextInt(13_000));
                o.row("o" + (i / 2), 1 + random.nextInt(420), at, (double) (random.nextInt(200) - 5),
                        random.nextInt(40) == 0 ? "cancelled" : "ok");
            }
        }
    }

    private static List<String> run(Warehouse w) {
        Migrator.discover().migrate(w);
        loadShop(w);
        SegmentConfig s = Fixtures.segment("loyal_gold", "tier = 'gold' AND f_score >= 3", 0.2, true);
        ProjectConfig p = Fixtures.project(List.of(s));
        new RfmScorer(w, Fixtures.orders(), RfmConfig.defaults(), Clock.systemUTC()).score(AS_OF);
        new SegmentBuilder(w, p, Clock.systemUTC()).build(s, AS_OF);
        AuditResult a = new Auditor(w, p, new Destinations(List.of()), Clock.systemUTC())
                .run(AS_OF);
        List<String> rows = new ArrayList<>();
        w.query("SELECT customer_key, recency_days, frequency, monetary_total AS m,"
                + " r_score, f_score, m_score, rfm_segment FROM seglift.rfm_scores", List.of(), r -> rows.add("rfm "
                + r.string("customer_key") + " " + r.longValue("recency_days") + " " + r.longValue("frequency") + " "
                + String.format(java.util.Locale.ROOT, "%.6f", r.doubleValue("m")) + " " + r.longValue("r_score") + r.longValue("f_score") + r.longValue("m_score") + " "
                + r.string("rfm_segment")));
        w.query("SELECT m.customer_key, m.arm, h.bucket, h.first_assigned FROM seglift.segment_members m JOIN"
                + " seglift.holdout_assignments h ON h.segment = m.segment AND h.customer_key = m.customer_key",
                List.of(), r -> rows.add("member " + r.string("customer_key") + " " + r.string("arm") + " "
                        + r.longValue("bucket") + " " + r.date("first_assigned")));
        rows.add("audit " + a.customers() + " " + a.buyers() + " " + a.qualified() + " " + a.historyMonths() + " "
                + a.quality() + " " + a.reachability().stream().map(x -> x.channel() + "=" + x.reachable()).toList());
        rows.sort(null);
        return rows;
    }

    @Test
    void rfmSegmentsAndAuditAgreeBetweenDuckDbAndPostgres() {
        List<String> duck;
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            duck = run(w);
        }
        List<String> post;
        try (Warehouse w = postgres()) {
            post = run(w);
        }
        assertThat(duck).anyMatch(r -> r.startsWith("member ")).anyMatch(r -> r.startsWith("rfm "));
        assertThat(post).isEqualTo(duck);
    }
}
