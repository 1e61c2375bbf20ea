package io.seglift.scoring.clv;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

import java.util.function.ToDoubleFunction;

/**
 * Maximises a log-likelihood over strictly positive parameters with Commons Math's Nelder-Mead simplex, searching
 * over their logarithms, restarted from its own optimum until the log-likelihood stops improving (a simplex can stall
 * before the optimum). Non-finite log-likelihoods count as minus infinity.
 */
final class LogParamFit {
    private static final int RESTARTS = 6;
    private static final int MAX_EVALUATIONS = 20_000;

    private LogParamFit() {
    }

    /** The maximising parameters (not logs) followed by the log-likelihood at them. */
    static double[] maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        ObjectiveFunction objective = new ObjectiveFunction(logs -> {
            double[] params = new double[logs.length];
            for (int i = 0; i < logs.length; i++) {
                params[i] = Math.exp(logs[i]);
            }
            double ll = logLikelihood.applyAsDouble(params);
            return Double.isFinite(ll) ? -ll : Double.MAX_VALUE;
        });
        double[] point = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            point[i] = Math.log(start[i]);
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RESTARTS; i++) {
            PointValuePair found = new SimplexOptimizer(1e-12, 1e-10).optimize(new MaxEval(MAX_EVALUATIONS), objective,
                    GoalType.MINIMIZE, new InitialGuess(point), new NelderMeadSimplex(start.length, 0.5));
            boolean improved = found.getValue() < best - 1e-9;
            if (found.getValue() < best) {
                best = found.getValue();
                point = found.getPoint();
            }
            if (!improved && i > 0) {
                break;
            }
        }
        double[] out = new double[start.length + 1];
        for (int i = 0; i < start.length; i++) {
            out[i] = Math.exp(point[i]);
        }
        out[start.length] = -best;
        return out;
    }
}
