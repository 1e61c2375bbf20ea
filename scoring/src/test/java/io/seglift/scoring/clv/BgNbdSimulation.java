package io.seglift.scoring.clv;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.ArrayList;
import java.util.List;

/**
 * Customers drawn from a known BG/NBD process with Gamma-Gamma spend, with a seeded generator: each has a Poisson
 * purchase rate from Gamma(r, alpha), a drop-out probability after each repeat purchase from Beta(a, b), and transaction
 * values Gamma(p, nu) with nu from Gamma(q, gamma). Times are in weeks from each customer's first purchase.
 */
final class BgNbdSimulation {
    /**
     * One customer: purchase times (weeks, first at 0) up to the observed age, their values, the age, and the purchases
     * made in the {@code future} weeks after it.
     */
    record Customer(List<Double> times, List<Double> values, double age, int future) {
    }

    static List<Customer> draw(int n, double r, double alpha, double a, double b, double p, double q, double gamma,
                               double minAge, double maxAge, long seed) {
        return draw(n, r, alpha, a, b, p, q, gamma, minAge, maxAge, 0, seed);
    }

    static List<Customer> draw(int n, double r, double alpha, double a, double b, double p, double q, double gamma,
                               double minAge, double maxAge, double future, long seed) {
        RandomGenerator rng = new MersenneTwister(seed);
        GammaDistribution rates = new GammaDistribution(rng, r, 1 / alpha);
        BetaDistribution dropouts = new BetaDistribution(rng, a, b);
        GammaDistribution nus = new GammaDistribution(rng, q, 1 / gamma);
        List<Customer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double age = minAge + (maxAge - minAge) * rng.nextDouble();
            double lambda = rates.sample();
            double drop = dropouts.sample();
            GammaDistribution spend = new GammaDistribution(rng, p, 1 / nus.sample());
            List<Double> times = new ArrayList<>(List.of(0.0));
            List<Double> values = new ArrayList<>(List.of(spend.sample()));
            double t = 0;
            int later = 0;
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) / lambda;
                if (t > age + future) break;
                if (t > age) {
                    later++;
                } else {
                    times.add(t);
                    values.add(spend.sample());
                }
                if (rng.nextDouble() < drop) break;
            }
            out.add(new Customer(times, values, age, later));
        }
        return out;
    }

    /** The summaries (continuous time, no day merging) of {@code customers}. */
    static Summaries summaries(List<Customer> customers) {
        Summaries s = new Summaries();
        for (Customer c : customers) {
            int x = c.times().size() - 1;
            double m = x == 0 ? Double.NaN
                    : c.values().subList(1, c.values().size()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            s.add(x, c.times().get(x), c.age(), m, c.future());
        }
        return s;
    }
}
