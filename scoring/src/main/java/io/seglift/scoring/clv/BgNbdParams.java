package io.seglift.scoring.clv;

/** Fitted BG/NBD parameters (time in weeks) and the log-likelihood of the fit. */
public record BgNbdParams(double r, double alpha, double a, double b, double logLikelihood) {
}
