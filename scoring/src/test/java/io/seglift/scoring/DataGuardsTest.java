package io.seglift.scoring;

import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.scoring.audit.AuditResult;
import io.seglift.scoring.audit.Auditor;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.seglift.warehouse.postgres.PostgresWarehouseFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows the stages refuse or exclude, on DuckDB and PostgreSQL alike: non-finite and absurd amounts, orders dated after
 * the run's clock date, and customers rows sharing a key.
 */
class DataGuardsTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 7, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T12:00:00Z"), ZoneOffset.UTC);
    private static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static void onBothEngines(Consumer<Warehouse> test) {
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            load(w);
            test.accept(w);
        }
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        try (Warehouse w = PostgresWarehouseFactory.open(pg.getJdbcUrl("postgres", "postgres"), props, "seglift")) {
            w.execute("DROP SCHEMA IF EXISTS seglift CASCADE");
            w.execute("DROP TABLE IF EXISTS public.customers");
            w.execute("DROP TABLE IF EXISTS public.orders");
            load(w);
            test.accept(w);
        }
    }

    private static void load(Warehouse w) {
        Migrator.discover().migrate(w);
        String text = w.dialect().type(ColumnType.TEXT);
        w.execute("CREATE TABLE customers (cust_id INTEGER, email " + text + ", phone " + text
                + ", email_ok BOOLEAN, sms_ok BOOLEAN, dnd BOOLEAN, tier " + text + ")");
        w.execute("INSERT INTO customers VALUES (1, NULL, NULL, TRUE, FALSE, FALSE, 'gold'),"
                + " (2, NULL, NULL, TRUE, FALSE, FALSE, 'silver'), (2, NULL, NULL, TRUE, FALSE, FALSE, 'bronze'),"
                + " (3, NULL, NULL, TRUE, FALSE, FALSE, 'gold'), (3, NULL, NULL, TRUE, FALSE, FALSE, 'gold'),"
                + " (4, NULL, NULL, TRUE, FALSE, FALSE, 'gold'), (5, NULL, NULL, TRUE, FALSE, FALSE, 'gold'),"
                + " (6, NULL, NULL, TRUE, FALSE, FALSE, 'gold')");
        w.execute("CREATE TABLE orders (order_id " + text + ", cust_id INTEGER, ordered_at TIMESTAMP,"
                + " amount DOUBLE PRECISION, status " + text + ")");
        w.execute("INSERT INTO orders VALUES ('1', 1, '2024-06-01 10:00', 10, 'ok'), ('2', 2, '2024-06-02 10:00', 20, 'ok'),"
                + " ('3', 3, '2024-06-03 10:00', 30, 'ok'),"
                + " ('4', 4, '2024-06-04 10:00', CAST('NaN' AS DOUBLE PRECISION), 'ok'),"
                + " ('5', 5, '2024-06-05 10:00', CAST('Infinity' AS DOUBLE PRECISION), 'ok'),"
                + " ('6', 6, '2024-06-06 10:00', 1e300, 'ok'),"
                + " ('7', 1, '2024-06-07 10:00', CAST('-Infinity' AS DOUBLE PRECISION), 'cancelled'),"
                + " ('8', 1, '2024-06-29 10:00', 15, 'ok'), ('9', 2, '2027-01-01 10:00', 15, 'ok')");
    }

    private static ProjectConfig project() {
        return Fixtures.project(List.of());
    }

    @Test
    void nonFiniteAndAbsurdAmountsAreInvalidRowsExcludedEverywhereAndCounted() {
        onBothEngines(w -> {
            new RfmScorer(w, Fixtures.orders(), RfmConfig.defaults(), CLOCK).score(AS_OF);
            List<String> scored = w.queryList("SELECT customer_key, monetary_total FROM seglift.rfm_scores ORDER BY 1",
                    List.of(), r -> r.string("customer_key") + "=" + r.doubleValue("monetary_total"));
            assertThat(scored).as(w.dialect().getClass().getSimpleName()).containsExactly("1=25.0", "2=20.0", "3=30.0");
            AuditResult audit = new Auditor(w, project(), new Destinations(List.of()), CLOCK).run(AS_OF);
            assertThat(audit.quality().invalidAmounts()).isEqualTo(4);
            assertThat(audit.buyers()).isEqualTo(3);
        });
    }

    @Test
    void ordersAfterTheClockDateNeverMoveTheDefaultAsOf() {
        onBothEngines(w -> {
            RfmScorer scorer = new RfmScorer(w, Fixtures.orders(), RfmConfig.defaults(), CLOCK);
            assertThat(scorer.defaultAsOf()).contains(LocalDate.of(2024, 6, 30));
            assertThat(scorer.ordersAfterToday()).isEqualTo(1);
        });
    }

    @Test
    void duplicateCustomerKeysKeepOneDeterministicRowAndAreCounted() {
        onBothEngines(w -> {
            new RfmScorer(w, Fixtures.orders(), RfmConfig.defaults(), CLOCK).score(AS_OF);
            List<String> profile = w.queryList("SELECT " + ProfileView.KEY + ", tier FROM ("
                    + ProfileView.sql(project(), w.dialect(), AS_OF) + ") p ORDER BY 1", List.of(),
                    r -> r.string(ProfileView.KEY) + " " + r.string("tier"));
            assertThat(profile).containsExactly("1 gold", "2 bronze", "3 gold", "4 gold", "5 gold", "6 gold");
            AuditResult audit = new Auditor(w, project(), new Destinations(List.of()), CLOCK).run(AS_OF);
            assertThat(audit.quality().duplicateCustomerKeys()).isEqualTo(2);
            assertThat(audit.quality().duplicateCustomerRows()).isEqualTo(2);
        });
    }
}
