/**
 * Customer lifetime value: the BG/NBD model of repeat purchasing (Fader, Hardie &amp; Lee 2005) and the Gamma-Gamma
 * model of spend (Fader &amp; Hardie 2013), fitted by maximum likelihood on per-customer summaries computed in the
 * warehouse, and the per-customer scores (P(alive), expected purchases, expected order value, CLV) written to
 * {@code clv_scores}. Time is measured in weeks (days / 7) throughout.
 */
package io.seglift.scoring.clv;
