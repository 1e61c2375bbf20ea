package io.seglift.scoring.clv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class BgNbdTest {
    private static final BgNbdParams CDNOW = new BgNbdParams(0.243, 4.414, 0.793, 2.426, Double.NaN);

    @Test
    void recoversTheParametersOfASimulatedPurchaseProcess() {
        Summaries s = BgNbdSimulation.summaries(BgNbdSimulation.draw(3000, 0.5, 4, 0.8, 2.5, 6, 3.7, 15, 20, 80, 42));
        BgNbdParams fit = BgNbd.fit(s);
        assertThat(fit.r()).isCloseTo(0.5, withinPercentage(25));
        assertThat(fit.alpha()).isCloseTo(4, withinPercentage(30));
        assertThat(fit.a()).isCloseTo(0.8, withinPercentage(40));
        assertThat(fit.b()).isCloseTo(2.5, withinPercentage(50));
        assertThat(fit.logLikelihood()).as("the optimum beats the true parameters")
                .isGreaterThanOrEqualTo(BgNbd.logLikelihood(0.5, 4, 0.8, 2.5, s) - 1e-6);
    }

    @Test
    void recoversSpendParametersOfSimulatedRepeatBuyers() {
        Summaries s = BgNbdSimulation.summaries(BgNbdSimulation.draw(3000, 1.5, 4, 0.5, 4, 6, 3.7, 15, 40, 80, 7));
        GammaGammaParams fit = GammaGamma.fit(s);
        assertThat(fit.customers()).isEqualTo(s.repeatBuyers());
        double mean = 6 * 15 / (3.7 - 1);
        assertThat(fit.p() * fit.gamma() / (fit.q() - 1)).as("mean spend").isCloseTo(mean, withinPercentage(10));
        assertThat(fit.p()).isCloseTo(6, withinPercentage(30));
    }

    @Test
    void likelihoodMatchesThePapersClosedFormForACustomerWithoutRepeats() {
        // x = 0: L = B(a, b + 0)/B(a, b) * Gamma(r)/Gamma(r) * (alpha / (alpha + T))^r
        double ll = BgNbd.logLikelihood(0.243, 4.414, 0.793, 2.426, 0, 0, 38.86);
        assertThat(ll).isCloseTo(0.243 * Math.log(4.414 / (4.414 + 38.86)), within(1e-12));
    }

    @Test
    void customersWithManyPurchasesDoNotOverflow() {
        double ll = BgNbd.logLikelihood(0.243, 4.414, 0.793, 2.426, 5000, 70, 78);
        assertThat(ll).isFinite();
        assertThat(BgNbd.pAlive(CDNOW, 5000, 1, 78)).isZero();
        assertThat(BgNbd.expectedPurchases(CDNOW, 52, 5000, 78, 78)).isFinite().isPositive();
    }

    @Test
    void pAliveIsOneWithoutRepeatsAndFallsWithTimeSinceTheLastPurchase() {
        assertThat(BgNbd.pAlive(CDNOW, 0, 0, 30)).isEqualTo(1);
        assertThat(BgNbd.pAlive(CDNOW, 3, 30, 31)).isGreaterThan(BgNbd.pAlive(CDNOW, 3, 10, 31));
    }

    @Test
    void expectedPurchasesOfANewCustomerMatchTheUnconditionalExpectation() {
        // x = 0, T = 0: E[Y(t)] = E[X(t)] = (a+b-1)/(a-1) * [1 - (alpha/(alpha+t))^r * 2F1(r, b; a+b-1; t/(alpha+t))]
        double t = 39;
        double direct = (0.793 + 2.426 - 1) / (0.793 - 1) * (1 - Math.pow(4.414 / (4.414 + t), 0.243)
                * Hypergeometric.f21(0.243, 2.426, 0.793 + 2.426 - 1, t / (4.414 + t)));
        assertThat(BgNbd.expectedPurchases(CDNOW, t, 0, 0, 0)).isCloseTo(direct, within(1e-12)).isBetween(0.3, 2.0);
    }

    @Test
    void conditionalExpectationsMatchSimulatedFuturePurchasesOnAverage() {
        // E over customers of E[Y(t) | x, t_x, T] equals the mean purchases they go on to make (law of total expectation)
        BgNbdParams truth = new BgNbdParams(0.243, 4.414, 0.793, 2.426, Double.NaN);
        Summaries s = BgNbdSimulation.summaries(BgNbdSimulation.draw(40_000, truth.r(), truth.alpha(), truth.a(), truth.b(),
                6, 3.7, 15, 30, 39, 39, 3));
        FitDiagnostics d = FitDiagnostics.of(truth, s, 39);
        assertThat(d.predicted()).isCloseTo(d.actual(), withinPercentage(4));
        for (FitDiagnostics.Group g : d.groups()) {
            assertThat(g.predictedMean()).as("group " + g.label()).isCloseTo(g.actualMean(), withinPercentage(12));
        }
    }

    @Test
    void hypergeometricWithANegativeThirdParameterMatchesItsSeries() {
        // 2F1(1, 1; -0.5; z) = 1 + z/(-0.5) + 2*2 z^2/(-0.5*0.5*2) + ..., summed directly for a small z
        double z = 0.01;
        double direct = 0;
        double term = 1;
        for (int k = 0; k < 60; k++) {
            direct += term;
            term *= (1 + k) * (1 + k) / ((-0.5 + k) * (k + 1)) * z;
        }
        assertThat(Hypergeometric.f21(1, 1, -0.5, z)).isCloseTo(direct, within(1e-12));
        assertThat(BgNbd.expectedPurchases(new BgNbdParams(0.5, 4, 0.3, 0.5, Double.NaN), 52, 0, 0, 10)).isFinite().isPositive();
    }

    @Test
    void hypergeometricMatchesAClosedForm() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        for (double z : new double[]{0.1, 0.5, 0.9, 0.99}) {
            assertThat(Hypergeometric.f21(1, 1, 2, z)).isCloseTo(-Math.log(1 - z) / z, within(1e-9));
        }
    }

    @Test
    void discountingLowersClvAndTheSpendOfRepeatBuyersShrinksToThePopulation() {
        GammaGammaParams gg = new GammaGammaParams(6.25, 3.74, 15.44, Double.NaN, 946);
        CustomerValue plain = CustomerValue.of(CDNOW, gg, 4, 30, 38, 40, 12, 0);
        CustomerValue discounted = CustomerValue.of(CDNOW, gg, 4, 30, 38, 40, 12, 0.2);
        assertThat(discounted.clv()).isLessThan(plain.clv()).isPositive();
        assertThat(plain.clv()).isCloseTo(plain.expectedPurchases() * plain.expectedAov(), within(1e-9));
        double population = 6.25 * 15.44 / (3.74 - 1);
        assertThat(plain.expectedAov()).isBetween(population, 40.0);
        assertThat(CustomerValue.of(CDNOW, gg, 0, 0, 38, Double.NaN, 12, 0).expectedAov()).isCloseTo(population, within(1e-9));
    }
}
