package io.seglift.measure;

import io.seglift.config.SuccessMetric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiftStatisticsTest {

    @Test
    void newcombeIntervalMatchesThePublishedExample() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, table II example (a): 56/70 vs 48/80, method 10.
        LiftEstimate e = TwoProportionLift.ninetyFive().estimate(new ArmAggregate(70, 56, 0, 0),
                new ArmAggregate(80, 48, 0, 0));
        assertThat(e.absolute()).isCloseTo(0.2, within(1e-12));
        assertThat(e.low()).isCloseTo(0.0524, within(1e-4));
        assertThat(e.high()).isCloseTo(0.3339, within(1e-4));
        assertThat(e.pValue()).isBetween(0.005, 0.01);
    }

    @Test
    void newcombeStaysInsideTheUnitRangeWhereWaldDoesNot() {
        LiftEstimate e = TwoProportionLift.ninetyFive().estimate(new ArmAggregate(40, 0, 0, 0),
                new ArmAggregate(40, 1, 0, 0));
        assertThat(e.low()).isGreaterThanOrEqualTo(-1);
        assertThat(e.high()).isPositive();
    }

    @Test
    void welchMatchesAHandComputation() {
        // values {1,2,3,4,5} vs {2,4,6}: means 3 and 4, variances 2.5 and 4.
        ArmAggregate a = new ArmAggregate(5, 5, 15, 55);
        ArmAggregate b = new ArmAggregate(3, 3, 12, 56);
        LiftEstimate e = WelchLift.ninetyFive().estimate(a, b);
        double se = Math.sqrt(2.5 / 5 + 4.0 / 3);
        double df = Math.pow(2.5 / 5 + 4.0 / 3, 2) / (Math.pow(2.5 / 5, 2) / 4 + Math.pow(4.0 / 3, 2) / 2);
        assertThat(e.absolute()).isEqualTo(-1.0);
        assertThat(e.high() - e.absolute()).isCloseTo(StudentT.quantile(0.975, df) * se, within(1e-12));
        assertThat(e.pValue()).isCloseTo(2 * StudentT.cdf(-1 / se, df), within(1e-12));
        assertThat(df).isCloseTo(3.5328, within(1e-3));
    }

    @Test
    void powerMatchesTheTextbookSampleSize() {
        // 10% vs 15% with equal arms, alpha 0.05, power 0.8: 686 per arm (Fleiss, no continuity correction).
        Power p = PowerAnalysis.analyse(SuccessMetric.Outcome.PURCHASE, SuccessMetric.Target.parse("+5pp"), 0.5,
                new ArmAggregate(700, 70, 0, 0), new ArmAggregate(700, 70, 0, 0));
        assertThat(p.requiredHoldout()).isEqualTo(686);
        assertThat(p.requiredTreatment()).isEqualTo(686);
        assertThat(p.reached()).isTrue();
    }

    @Test
    void smallHoldoutFractionNeedsMoreTreatmentMembers() {
        Power p = PowerAnalysis.analyse(SuccessMetric.Outcome.PURCHASE, SuccessMetric.Target.parse("+10%"), 0.1,
                new ArmAggregate(900, 90, 0, 0), new ArmAggregate(100, 10, 0, 0));
        assertThat(p.targetEffect()).isCloseTo(0.01, within(1e-12));
        assertThat(p.requiredTreatment()).isGreaterThan(8 * p.requiredHoldout());
        assertThat(p.reached()).isFalse();
    }

    @Test
    void aMoneyTargetOnARateMetricIsExplained() {
        Power p = PowerAnalysis.analyse(SuccessMetric.Outcome.PURCHASE, SuccessMetric.Target.parse("5.00"), 0.1,
                new ArmAggregate(900, 90, 0, 0), new ArmAggregate(100, 10, 0, 0));
        assertThat(p.requiredHoldout()).isNull();
        assertThat(p.note()).contains("+Npp");
    }

    @Test
    void revenuePowerUsesObservedVariance() {
        // sd 10 per member in both arms, +1.00 target, equal arms: 2 * (1.96 + 0.8416)^2 * 100 = 1570 per arm.
        ArmAggregate arm = new ArmAggregate(1000, 500, 10_000, 1000 * (100 + 100) - 100);
        Power p = PowerAnalysis.analyse(SuccessMetric.Outcome.REVENUE, SuccessMetric.Target.parse("1.00"), 0.5, arm, arm);
        assertThat(p.requiredHoldout()).isBetween(1565L, 1575L);
    }
}
