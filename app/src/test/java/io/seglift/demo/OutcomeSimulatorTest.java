package io.seglift.demo;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.seglift.spi.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OutcomeSimulatorTest {
    private static final LocalDate AS_OF = DemoSpec.DEFAULT_AS_OF;
    private static final LocalDate END = AS_OF.plusDays(45);
    private static final Map<String, String> SYNCS = Map.of("lapsed_to_hubspot", "lapsed_reengage");
    @TempDir
    static Path shared;
    private static Path generated;
    @TempDir
    Path own;
    private Warehouse w;

    @BeforeAll
    static void generate() {
        generated = shared.resolve("generated.duckdb");
        try (Warehouse g = open(generated)) {
            new DemoGenerator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).generate(g, DemoSpec.of(12_000, 5), Progress.NONE);
        }
    }

    private static Warehouse open(Path file) {
        return DuckDbWarehouseFactory.open("jdbc:duckdb:" + file, "seglift", new Settings("test", "duckdb", Map.of()));
    }

    @BeforeEach
    void copyAndSend() throws IOException {
        Path copy = own.resolve("demo.duckdb");
        Files.copy(generated, copy);
        w = open(copy);
        w.execute("CREATE SCHEMA seglift");
        w.execute("CREATE TABLE seglift.sync_state (sync_name VARCHAR, customer_key VARCHAR, destination_id VARCHAR, "
                + "fingerprint VARCHAR, status VARCHAR NOT NULL, synced_at TIMESTAMP, run_id VARCHAR, "
                + "PRIMARY KEY (sync_name, customer_key))");
        // treatment: every customer but those whose key ends in 0 (the "holdout"), first sent on the day after as-of
        w.execute("INSERT INTO seglift.sync_state SELECT 'lapsed_to_hubspot', customer_id, 'hs-' || customer_id, 'f', "
                + "'synced', TIMESTAMP '2026-07-01 09:00:00', 'run-1' FROM raw.customers WHERE customer_id NOT LIKE '%0'");
        // a sync of another segment does not count as this campaign
        w.execute("INSERT INTO seglift.sync_state SELECT 'other_sync', customer_id, 'x', 'f', 'synced', "
                + "TIMESTAMP '2026-07-01 09:00:00', 'run-2' FROM raw.customers WHERE customer_id LIKE '%0'");
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void appendsTheBaselineFutureUpToTheEndDate() {
        long historyBefore = w.queryLong("SELECT count(*) FROM raw.orders");
        long expected = w.queryLong("SELECT count(*) FROM demo_truth.future_orders WHERE ordered_at < TIMESTAMP '2026-08-15 00:00:00'");
        OutcomeSimulator.Result r = new OutcomeSimulator(w).simulate(SYNCS, AS_OF, END);
        assertThat(r.baselineOrdersAppended()).isEqualTo(expected).isPositive();
        assertThat(w.queryLong("SELECT count(*) FROM raw.orders")).isEqualTo(historyBefore + expected + r.upliftOrdersAppended());
    }

    @Test
    void treatedMembersBuyTheTrueEffectMoreThanTheirBaselineAndTheHoldoutDoesNot() {
        OutcomeSimulator.Result r = new OutcomeSimulator(w).simulate(SYNCS, AS_OF, END);
        assertThat(r.segments()).hasSize(1);
        OutcomeSimulator.SegmentOutcome s = r.segments().get(0);
        assertThat(s.exposed()).isEqualTo(w.queryLong("SELECT count(*) FROM raw.customers WHERE customer_id NOT LIKE '%0'"));
        assertThat(s.respondersAdded()).isEqualTo(r.upliftOrdersAppended());
        String windowRate = "SELECT avg(CASE WHEN EXISTS (SELECT 1 FROM raw.orders o WHERE o.customer_id = c.customer_id "
                + "AND o.status = 'completed' AND o.total > 0 AND o.ordered_at > TIMESTAMP '2026-07-01 09:00:00' "
                + "AND o.ordered_at < TIMESTAMP '2026-08-01 00:00:00') THEN 1.0 ELSE 0.0 END) AS rate "
                + "FROM raw.customers c WHERE customer_id ";
        double treated = rate(windowRate + "NOT LIKE '%0'");
        double holdout = rate(windowRate + "LIKE '%0'");
        // the treated rate is the baseline rate b plus the effect, up to the binomial noise of the responders
        double lift = treated - s.baselineRate();
        double noise = Math.sqrt(0.05 / s.exposed());
        assertThat(lift).isCloseTo(0.05, within(4 * noise));
        assertThat(holdout).isLessThan(treated);
        assertThat(w.queryLong("SELECT count(*) FROM raw.orders WHERE order_id LIKE 'U%' AND customer_id LIKE '%0'")).isZero();
        assertThat(w.queryLong("SELECT count(*) FROM raw.orders WHERE order_id LIKE 'U%' AND (ordered_at <= "
                + "TIMESTAMP '2026-07-01 09:00:00' OR ordered_at >= TIMESTAMP '2026-08-01 00:00:00')")).isZero();
    }

    @Test
    void runningAgainAddsNothing() {
        OutcomeSimulator sim = new OutcomeSimulator(w);
        sim.simulate(SYNCS, AS_OF, END);
        long after = w.queryLong("SELECT count(*) FROM raw.orders");
        OutcomeSimulator.Result again = sim.simulate(SYNCS, AS_OF, END);
        assertThat(again.baselineOrdersAppended()).isZero();
        assertThat(again.upliftOrdersAppended()).isZero();
        assertThat(w.queryLong("SELECT count(*) FROM raw.orders")).isEqualTo(after);
    }

    @Test
    void exposuresBeforeTheAsOfDateAreCountedAndNotTreated() {
        w.execute("UPDATE seglift.sync_state SET synced_at = TIMESTAMP '2026-01-01 00:00:00' WHERE customer_key = 'C0000001'");
        OutcomeSimulator.Result r = new OutcomeSimulator(w).simulate(SYNCS, AS_OF, END);
        assertThat(r.exposedOutsidePeriod()).isEqualTo(1);
        assertThat(w.queryLong("SELECT count(*) FROM raw.orders WHERE order_id = 'UC0000001'")).isZero();
    }

    @Test
    void membersTheDestinationRejectedWereNotReachedAndAreNotTreated() {
        w.execute("UPDATE seglift.sync_state SET status = 'rejected' WHERE customer_key = 'C0000001'");
        OutcomeSimulator.Result r = new OutcomeSimulator(w).simulate(SYNCS, AS_OF, END);
        long sent = w.queryLong("SELECT count(*) FROM raw.customers WHERE customer_id NOT LIKE '%0'");
        assertThat(r.segments().get(0).exposed()).isEqualTo(sent - 1);
        assertThat(w.queryLong("SELECT count(*) FROM raw.orders WHERE order_id = 'UC0000001'")).isZero();
    }

    @Test
    void withoutSyncsOnlyTheBaselineIsAppended() {
        OutcomeSimulator.Result r = new OutcomeSimulator(w).simulate(Map.of(), AS_OF, END);
        assertThat(r.upliftOrdersAppended()).isZero();
        assertThat(r.segments()).isEmpty();
        assertThat(r.baselineOrdersAppended()).isPositive();
    }

    private double rate(String sql) {
        return w.queryOne(sql, List.of(), row -> row.doubleValue("rate")).orElseThrow();
    }
}
