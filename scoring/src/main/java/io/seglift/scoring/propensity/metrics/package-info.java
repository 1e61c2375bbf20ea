/** Validation metrics of a binary classifier, computed in the JVM from (prediction, label) pairs. */
package io.seglift.scoring.propensity.metrics;
