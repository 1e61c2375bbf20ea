package io.seglift.measure;

import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasurementTest {
    private DuckDbWarehouse w;
    private SimulatedShop shop;
    private MeasurementReport report;

    @BeforeAll
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        shop = new SimulatedShop(w, 42);
        var project = shop.build();
        report = new Measurement(project, w, Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC))
                .report(Optional.empty());
    }

    @AfterAll
    void tearDown() {
        w.close();
    }

    private SegmentMeasurement segment(String name) {
        return report.segments().stream().filter(s -> s.segment().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void nowIsTheLatestOrderDateWhenOrdersEndBeforeToday() {
        assertThat(report.asOf()).isEqualTo(SimulatedShop.DATA_END);
        assertThat(report.asOfRule()).contains("latest order date");
    }

    @Test
    void sqlAggregatesMatchTheSimulationExactly() {
        SegmentMeasurement s = segment("lapsed_buyers");
        assertThat(s.cohorts()).hasSize(3);
        for (CohortLift c : s.cohorts()) {
            Map<String, ArmAggregate> exp = shop.expected.get("lapsed_buyers").get(c.cohort());
            assertThat(c.treatment().n()).isEqualTo(exp.get("treatment").n());
            assertThat(c.treatment().conversions()).isEqualTo(exp.get("treatment").conversions());
            assertThat(c.holdout().conversions()).isEqualTo(exp.get("holdout").conversions());
            assertThat(c.treatment().sum()).isCloseTo(exp.get("treatment").sum(), within(1e-6));
            assertThat(c.holdout().sumSquares()).isCloseTo(exp.get("holdout").sumSquares(), within(1e-4));
            assertThat(c.exposed()).isEqualTo(shop.expectedExposed.get("lapsed_buyers").get(c.cohort()));
        }
    }

    @Test
    void completeCohortsArePooledAndTheIntervalContainsTheTrueEffect() {
        SegmentMeasurement s = segment("lapsed_buyers");
        CohortLift last = s.cohorts().get(2);
        assertThat(last.state()).isEqualTo(LiftState.WINDOW_NOT_COMPLETE);
        assertThat(s.cohorts().get(0).windowEnd()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(s.pooled().label()).contains("2 complete cohorts");
        assertThat(s.pooled().treatment().n()).isEqualTo(s.cohorts().get(0).treatment().n()
                + s.cohorts().get(1).treatment().n());
        LiftEstimate e = s.pooled().estimate();
        System.out.printf("lapsed_buyers: true ITT effect %.4f, estimate %.4f [%.4f, %.4f], p=%.2g%n",
                SimulatedShop.ITT_EFFECT, e.absolute(), e.low(), e.high(), e.pValue());
        assertThat(e.contains(SimulatedShop.ITT_EFFECT)).isTrue();
        LiftEstimate sent = s.pooled().perSent();
        System.out.printf("lapsed_buyers: true effect on members sent %.4f, estimate %.4f [%.4f, %.4f]%n",
                SimulatedShop.EFFECT, sent.absolute(), sent.low(), sent.high());
        assertThat(sent.contains(SimulatedShop.EFFECT)).isTrue();
        assertThat(sent.absolute()).isGreaterThan(e.absolute());
        assertThat(s.pooled().state()).isEqualTo(LiftState.POSITIVE);
        assertThat(s.pooled().incrementalConversions()).isCloseTo(e.absolute() * s.pooled().treatment().n(),
                within(1e-6));
        assertThat(s.verdict()).startsWith("It worked");
    }

    @Test
    void revenueSegmentsUseWelch() {
        SegmentMeasurement s = segment("big_spenders");
        assertThat(s.pooled().estimate().method()).contains("Welch");
        assertThat(s.pooled().power().targetEffect()).isEqualTo(2.0);
        assertThat(s.pooled().power().requiredHoldout()).isPositive();
    }

    @Test
    void segmentsNeverSentAreNotMeasured() {
        SegmentMeasurement s = segment("never_sent");
        assertThat(s.activation().activated()).isFalse();
        assertThat(s.pooled()).isNull();
        assertThat(s.verdict()).contains("no complete brief", "never synced");
    }

    @Test
    void tooFewHoldoutMembersGiveNoVerdict() {
        LiftAssessor a = new LiftAssessor(io.seglift.config.SuccessMetric.Outcome.PURCHASE, 30,
                io.seglift.config.SuccessMetric.Target.parse("+3pp"), 0.1, 30);
        CohortLift c = a.cohort(LocalDate.of(2024, 1, 1), new LiftAssessor.Arms(new ArmAggregate(200, 40, 0, 0),
                new ArmAggregate(20, 1, 0, 0), 190L), LocalDate.of(2024, 3, 1));
        assertThat(c.state()).isEqualTo(LiftState.NOT_ENOUGH_DATA);
        assertThat(c.estimate()).isNotNull();
    }

    @Test
    void stabilityFlagsBuildsAboveTwentyPercent() {
        SegmentMeasurement s = segment("lapsed_buyers");
        assertThat(s.builds()).hasSize(9);
        assertThat(s.builds().get(0).flagged()).isFalse();
        assertThat(s.builds().get(5).flagged()).isTrue();
        assertThat(s.builds().get(5).changeRatio()).isGreaterThan(0.2);
        assertThat(s.unstable()).isTrue();
    }

    @Test
    void calibratedModelPassesAndMiscalibratedModelIsFlagged() {
        ModelValidity p = report.models().stream().filter(m -> m.modelName().equals("purchase_30d")).findFirst()
                .orElseThrow();
        assertThat(p.state()).isEqualTo("MEASURED");
        assertThat(p.scoredAsOf()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(p.deciles()).isNotEmpty();
        assertThat(p.recalibrate()).as(p.reason()).isFalse();
        assertThat(p.gains().get(p.gains().size() - 1).captured()).isCloseTo(1.0, within(1e-9));
        assertThat(p.trainingMetrics()).containsEntry("aucRoc", 0.74).doesNotContainKey("deciles");
        ModelValidity c = report.models().stream().filter(m -> m.modelName().equals("churn_45d")).findFirst()
                .orElseThrow();
        assertThat(c.recalibrate()).isTrue();
        assertThat(c.ece()).isGreaterThan(ValidityQuery.ECE_LIMIT);
    }

    @Test
    void syncHealthAndAuditAreRead() {
        SyncHealth k = report.syncs().stream().filter(s -> s.syncName().equals("lapsed_to_klaviyo")).findFirst()
                .orElseThrow();
        assertThat(k.runs()).isEqualTo(20);
        assertThat(k.statuses()).containsEntry("failed", 1L);
        assertThat(k.total("rejected")).isPositive();
        assertThat(k.recent()).hasSize(20);
        assertThat(k.matchRate()).as("Klaviyo reports no upload counts").isNull();
        SyncHealth f = report.syncs().stream().filter(s -> s.syncName().equals("big_spenders_to_facebook")).findFirst()
                .orElseThrow();
        assertThat(f.matchRate()).isEqualTo(280.0 / 300);
        assertThat(f.recent()).allSatisfy(r -> assertThat(r.matchRate()).isEqualTo(280.0 / 300));
        assertThat(report.audit().columns()).containsEntry("run_id", "a-2");
        assertThat(report.audit().json().get("qualified_customers").asLong()).isEqualTo(16100);
    }
}
