package io.seglift.scoring.segments;

import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.scoring.holdout.HoldoutHash;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentBuilderTest {
    private static final LocalDate D1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate D2 = LocalDate.of(2024, 4, 1);
    private static final LocalDate D3 = LocalDate.of(2024, 5, 1);
    private DuckDbWarehouse w;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE customers (cust_id INTEGER, email VARCHAR, phone VARCHAR, email_ok BOOLEAN,"
                + " sms_ok BOOLEAN, dnd BOOLEAN, tier VARCHAR)");
        w.execute("INSERT INTO customers SELECT i, 'c' || i || '@x.example', NULL, TRUE, FALSE, FALSE,"
                + " CASE WHEN i <= 10 THEN 'gold' ELSE 'silver' END FROM range(1, 101) t(i)");
        w.execute("CREATE TABLE orders (order_id VARCHAR, cust_id INTEGER, ordered_at TIMESTAMP, amount DOUBLE, status VARCHAR)");
        w.execute("INSERT INTO orders SELECT 'o' || i, i % 50 + 1, TIMESTAMP '2024-01-01' + INTERVAL (i) HOUR, 10 + i % 7, 'ok'"
                + " FROM range(0, 1000) t(i)");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private SegmentBuilder builder(ProjectConfig p) {
        return new SegmentBuilder(w, p, Clock.systemUTC());
    }

    @Test
    void materialisesMembersWithTheJavaArmAndFirstAssignment() {
        new RfmScorer(w, Fixtures.orders(), RfmConfig.defaults(), Clock.systemUTC()).score(D1);
        SegmentConfig s = Fixtures.segment("buyers", "frequency >= 1 AND tier = 'silver'", 0.3, true);
        SegmentBuild b = builder(Fixtures.project(List.of(s))).build(s, D1);
        assertThat(b.members()).isEqualTo(40);
        assertThat(b.previousBuildId()).isEmpty();
        assertThat(b.changeRatio()).isEmpty();
        w.query("SELECT m.customer_key, m.arm, h.bucket, h.first_assigned FROM seglift.segment_members m JOIN"
                + " seglift.holdout_assignments h USING (segment, customer_key)", List.of(), r -> {
            String key = r.string("customer_key");
            assertThat(r.string("arm")).isEqualTo(HoldoutHash.arm("buyers", key, 0.3).sql());
            assertThat(r.longValue("bucket")).isEqualTo(HoldoutHash.bucket("buyers", key));
            assertThat(r.date("first_assigned")).isEqualTo(D1);
        });
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.holdout_assignments")).isEqualTo(40);
        assertThat(b.holdout()).isEqualTo(w.queryLong("SELECT COUNT(*) FROM seglift.segment_members WHERE arm = 'holdout'"));
    }

    /** The sync planner reads each build as one row per key, without grouping: this is where that is guaranteed. */
    @Test
    void eachKeyIsWrittenOncePerBuildEvenWhenCustomersRowsAndScoresRepeatIt() {
        new RfmScorer(w, Fixtures.orders(), RfmConfig.defaults(), Clock.systemUTC()).score(D1);
        w.execute("INSERT INTO customers SELECT * FROM customers WHERE cust_id IN (3, 4)");
        w.execute("INSERT INTO customers VALUES (5, 'other@x.example', NULL, TRUE, FALSE, FALSE, 'silver')");
        w.execute("INSERT INTO seglift.rfm_scores SELECT * FROM seglift.rfm_scores WHERE customer_key IN ('3', '6')");
        SegmentConfig s = Fixtures.segment("buyers", "frequency >= 1", 0.3, true);

        SegmentBuild b = builder(Fixtures.project(List.of(s))).build(s, D1);

        assertThat(w.queryLong("SELECT COUNT(*) FROM (SELECT customer_key FROM seglift.segment_members WHERE segment = 'buyers'"
                + " GROUP BY as_of, customer_key HAVING COUNT(*) > 1) d")).isZero();
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.segment_members WHERE segment = 'buyers'")).isEqualTo(50)
                .isEqualTo(b.members());
    }

    @Test
    void memberWhoLeavesAndReentersKeepsGroupAndFirstAssignedAndStabilityIsReported() {
        SegmentConfig s = Fixtures.segment("gold", "tier = 'gold'", 0.5, true);
        SegmentBuilder builder = builder(Fixtures.project(List.of(s)));
        builder.build(s, D1);
        String arm3 = w.queryOne("SELECT arm FROM seglift.holdout_assignments WHERE customer_key = '3'", List.of(),
                r -> r.string("arm")).orElseThrow();
        w.execute("UPDATE customers SET tier = 'silver' WHERE cust_id IN (3, 4)");
        w.execute("UPDATE customers SET tier = 'gold' WHERE cust_id = 11");
        SegmentBuild second = builder.build(s, D2);
        assertThat(second.members()).isEqualTo(9);
        assertThat(second.entered()).isEqualTo(1);
        assertThat(second.exited()).isEqualTo(2);
        assertThat(second.stayed()).isEqualTo(8);
        assertThat(second.changeRatio()).contains(0.3);
        assertThat(second.flagged()).isTrue();
        w.execute("UPDATE customers SET tier = 'gold' WHERE cust_id IN (3, 4)");
        SegmentBuild third = builder.build(s, D3);
        assertThat(third.entered()).isEqualTo(2);
        assertThat(third.changeRatio()).hasValueSatisfying(r -> assertThat(r).isCloseTo(2.0 / 9, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(third.flagged()).isTrue();
        assertThat(w.queryOne("SELECT arm, first_assigned FROM seglift.holdout_assignments WHERE customer_key = '3'",
                List.of(), r -> r.string("arm") + "@" + r.date("first_assigned")).orElseThrow()).isEqualTo(arm3 + "@" + D1);
        assertThat(w.queryOne("SELECT first_assigned FROM seglift.holdout_assignments WHERE customer_key = '11'",
                List.of(), r -> r.date("first_assigned")).orElseThrow()).isEqualTo(D2);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.segment_builds WHERE segment = 'gold'")).isEqualTo(3);
        assertThat(w.queryLong("SELECT COUNT(DISTINCT as_of) FROM seglift.segment_members")).as("history kept").isEqualTo(3);
        SegmentBuild rebuilt = builder.build(s, D3);
        assertThat(rebuilt.previousBuildId()).contains(second.buildId());
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.segment_members WHERE as_of = DATE '2024-05-01'")).isEqualTo(11);
    }

    @Test
    void changingTheSaltReshufflesAndRestartsTheAssignment() {
        SegmentConfig s = Fixtures.segment("gold", "tier = 'gold'", 0.5, true);
        builder(Fixtures.project(List.of(s))).build(s, D1);
        SegmentConfig resalted = new SegmentConfig("gold", "tier = 'gold'", 0.5, "new-salt", s.description(), s.brief());
        builder(Fixtures.project(List.of(resalted))).build(resalted, D2);
        w.query("SELECT customer_key, arm, bucket, first_assigned FROM seglift.holdout_assignments", List.of(), r -> {
            String key = r.string("customer_key");
            assertThat(r.string("arm")).isEqualTo(HoldoutHash.arm("new-salt", key, 0.5).sql());
            assertThat(r.longValue("bucket")).isEqualTo(HoldoutHash.bucket("new-salt", key));
            boolean changed = HoldoutHash.arm("gold", key, 0.5) != HoldoutHash.arm("new-salt", key, 0.5);
            assertThat(r.date("first_assigned")).isEqualTo(changed ? D2 : D1);
        });
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.holdout_assignments WHERE first_assigned = DATE '2024-04-01'"))
                .as("about half of the members moved arm").isBetween(1L, 9L);
    }

    @Test
    void changingTheFractionMovesOnlyTheMembersWhoseArmChanged() {
        SegmentConfig s = Fixtures.segment("silver", "tier = 'silver'", 0.1, true);
        builder(Fixtures.project(List.of(s))).build(s, D1);
        w.execute("UPDATE customers SET tier = 'gone' WHERE cust_id = 50");
        SegmentConfig wider = new SegmentConfig("silver", "tier = 'silver'", 0.5, "silver", s.description(), s.brief());
        builder(Fixtures.project(List.of(wider))).build(wider, D2);
        w.query("SELECT customer_key, arm, first_assigned FROM seglift.holdout_assignments", List.of(), r -> {
            String key = r.string("customer_key");
            assertThat(r.string("arm")).as("also for customer 50, who left").isEqualTo(HoldoutHash.arm("silver", key, 0.5).sql());
            boolean moved = HoldoutHash.arm("silver", key, 0.1) != HoldoutHash.arm("silver", key, 0.5);
            assertThat(r.date("first_assigned")).isEqualTo(moved ? D2 : D1);
        });
    }

    @Test
    void observedHoldoutShareIsWithinBinomialToleranceOnHundredThousandMembers() {
        w.execute("INSERT INTO customers SELECT i, NULL, NULL, FALSE, FALSE, FALSE, 'bulk' FROM range(1000, 101000) t(i)");
        SegmentConfig s = Fixtures.segment("bulk", "tier = 'bulk'", 0.10, true);
        SegmentBuild b = builder(Fixtures.project(List.of(s))).build(s, D1);
        assertThat(b.members()).isEqualTo(100_000);
        double sigma = Math.sqrt(100_000 * 0.1 * 0.9);
        assertThat((double) Math.abs(b.holdout() - 10_000)).isLessThan(4 * sigma);
    }

    @Test
    void invalidRuleIsRejectedNamingTheSegmentAndTheEngineMessage() {
        SegmentConfig s = Fixtures.segment("broken", "tierr = 'gold'", 0.1, true);
        assertThatThrownBy(() -> builder(Fixtures.project(List.of(s))).build(s, D1))
                .isInstanceOf(SegmentRuleException.class)
                .hasMessageContaining("segments.broken.rule").hasMessageContaining("tierr");
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.segment_builds")).isZero();
    }
}
