package io.seglift.scoring.clv;

import io.seglift.config.ClvConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class ClvScorerTest {
    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private DuckDbWarehouse w;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE orders (order_id VARCHAR, cust_id INTEGER, ordered_at TIMESTAMP, amount DOUBLE, status VARCHAR)");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private void insert(String values) {
        w.execute("INSERT INTO orders VALUES " + values);
    }

    private List<double[]> summaries(LocalDate end, LocalDate holdoutBefore) {
        List<double[]> out = new ArrayList<>();
        w.query(new ClvSummarySql(Fixtures.orders(), w.dialect()).select(end, holdoutBefore), List.of(), r -> out.add(new double[]{
                Double.parseDouble(r.string("customer_key")), r.longValue("x"), r.doubleValue("t_x"), r.doubleValue("age"),
                r.doubleValue("m") == null ? Double.NaN : r.doubleValue("m"), r.longValue("holdout")}));
        return out;
    }

    @Test
    void summariesMergeSameDayPurchasesMeasureWeeksAndCountTheHoldout() {
        insert("""
                ('1', 1, '2024-01-01 09:00', 10, 'ok'), ('2', 1, '2024-01-01 18:00', 20, 'ok'),
                ('3', 1, '2024-01-15 09:00', 40, 'ok'), ('4', 1, '2024-01-29 09:00', 60, 'ok'),
                ('5', 1, '2024-01-20 09:00', 99, 'cancelled'), ('6', 1, '2024-02-10 09:00', 5, 'ok'),
                ('7', 1, '2024-02-10 19:00', 5, 'ok'), ('8', 1, '2024-03-01 09:00', 5, 'ok'),
                ('9', 2, '2024-01-31 23:00', 15, 'ok'), ('10', 3, '2024-02-02 10:00', 15, 'ok')""");
        List<double[]> rows = summaries(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 1));
        assertThat(rows).hasSize(2);
        double[] one = rows.get(0);
        assertThat(one[1]).as("x: two repeat days (same-day orders merged, cancellation left out)").isEqualTo(2);
        assertThat(one[2]).as("t_x").isCloseTo(28 / 7.0, within(1e-9));
        assertThat(one[3]).as("T to the inclusive end").isCloseTo(30 / 7.0, within(1e-9));
        assertThat(one[4]).as("mean repeat-day value, first day left out").isCloseTo(50, within(1e-9));
        assertThat(one[5]).as("holdout purchase days before 2024-03-01").isEqualTo(1);
        double[] two = rows.get(1);
        assertThat(two[1]).isZero();
        assertThat(two[3]).isZero();
        assertThat(two[4]).isNaN();
    }

    private void simulatedShop(int n, long seed) {
        StringBuilder values = new StringBuilder();
        int id = 0;
        List<BgNbdSimulation.Customer> customers = BgNbdSimulation.draw(n, 0.6, 5, 0.7, 2.5, 6, 3.7, 15, 0, 52, seed);
        for (int c = 0; c < customers.size(); c++) {
            BgNbdSimulation.Customer customer = customers.get(c);
            LocalDate first = START.plusDays(364 - (long) Math.floor(customer.age() * 7));
            for (int i = 0; i < customer.times().size(); i++) {
                LocalDate day = first.plusDays((long) Math.floor(customer.times().get(i) * 7));
                values.append(values.isEmpty() ? "" : ",").append("('").append(id++).append("', ").append(c + 1)
                        .append(", '").append(day).append(" 12:00', ").append(customer.values().get(i)).append(", 'ok')");
            }
        }
        insert(values.toString());
    }

    @Test
    void fitsScoresAndKeepsHistoryByAsOf() {
        simulatedShop(1500, 11);
        LocalDate asOf = START.plusDays(365);
        ClvConfig config = new ClvConfig(12, 0.1, Optional.empty(), 8);
        ClvResult result = new ClvScorer(w, Fixtures.orders(), config, Clock.systemUTC()).score(asOf);
        assertThat(result.calibrationEnd()).isEqualTo(asOf.minusDays(57));
        assertThat(result.bgNbd().r()).isCloseTo(0.6, withinPercentage(40));
        assertThat(result.gammaGamma().p() * result.gammaGamma().gamma() / (result.gammaGamma().q() - 1))
                .isCloseTo(6 * 15 / 2.7, withinPercentage(15));
        assertThat(result.diagnostics().holdoutWeeks()).isCloseTo(8, within(1e-9));
        assertThat(result.diagnostics().groups().stream().mapToLong(FitDiagnostics.Group::customers).sum())
                .isEqualTo(result.fitCustomers());
        assertThat(result.diagnostics().predicted()).as("holdout purchases predicted within 25%")
                .isCloseTo(result.diagnostics().actual(), withinPercentage(25));
        long buyers = w.queryLong("SELECT COUNT(DISTINCT cust_id) FROM orders");
        assertThat(result.scored()).isEqualTo(buyers);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.clv_scores WHERE as_of = ?", asOf)).isEqualTo(buyers);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.clv_scores WHERE p_alive < 0 OR p_alive > 1"
                + " OR expected_purchases < 0 OR clv < 0 OR clv IS NULL")).isZero();

        new ClvScorer(w, Fixtures.orders(), config, Clock.systemUTC()).score(asOf);
        new ClvScorer(w, Fixtures.orders(), config, Clock.systemUTC()).score(asOf.minusDays(30));
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.clv_scores WHERE as_of = ?", asOf))
                .as("re-running a date replaces it").isEqualTo(buyers);
        assertThat(w.queryLong("SELECT COUNT(DISTINCT as_of) FROM seglift.clv_scores")).as("history kept").isEqualTo(2);
    }

    @Test
    void fitsOnASeededSampleAboveTheMaximum() {
        simulatedShop(600, 5);
        LocalDate asOf = START.plusDays(365);
        ClvScorer scorer = new ClvScorer(w, Fixtures.orders(), ClvConfig.defaults(), Clock.systemUTC(), 200);
        long[] total = {0};
        Summaries a = scorer.calibration(asOf, total);
        Summaries b = scorer.calibration(asOf, new long[1]);
        assertThat(total[0]).isEqualTo(600);
        assertThat(a.size()).isEqualTo(200);
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < 200; i++) {
            sumA += a.x(i) * 1000 + a.age(i);
            sumB += b.x(i) * 1000 + b.age(i);
        }
        assertThat(sumA).as("the same seed draws the same sample").isEqualTo(sumB);
    }

    @Test
    void refusesACalibrationEndOnOrAfterTheAsOfDate() {
        insert("('1', 1, '2024-01-01 09:00', 10, 'ok')");
        ClvConfig config = new ClvConfig(12, 0, Optional.of(LocalDate.of(2024, 2, 1)), 0);
        assertThatThrownBy(() -> new ClvScorer(w, Fixtures.orders(), config, Clock.systemUTC()).score(LocalDate.of(2024, 2, 1)))
                .hasMessageContaining("scoring.clv.calibration_end (2024-02-01) must be before the as-of date 2024-02-01");
    }

    @Test
    void readinessNamesEachShortfall() {
        insert("('1', 1, '2024-01-01 09:00', 10, 'ok'), ('2', 1, '2024-01-05 09:00', 10, 'ok')");
        ClvReadiness.Verdict v = new ClvReadiness(w, Fixtures.orders()).assess(LocalDate.of(2024, 2, 1));
        assertThat(v.supported()).isFalse();
        assertThat(v.customers()).isEqualTo(1);
        assertThat(v.repeatBuyers()).isEqualTo(1);
        assertThat(v.historyDays()).isEqualTo(4);
        assertThat(v.reasons()).containsExactly("1 buyers, fewer than the 500 CLV needs",
                "1 repeat buyers (purchases on 2+ days), fewer than the 200 CLV needs",
                "4 days of purchase history, fewer than the 180 CLV needs");
        assertThat(ClvReadiness.verdict(2357, 946, 545).supported()).isTrue();
    }
}
