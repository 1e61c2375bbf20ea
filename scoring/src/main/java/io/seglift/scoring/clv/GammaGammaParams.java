package io.seglift.scoring.clv;

/** Fitted Gamma-Gamma spend parameters and the log-likelihood of the fit over the repeat buyers it used. */
public record GammaGammaParams(double p, double q, double gamma, double logLikelihood, int customers) {
}
