/**
 * Scoring inside the warehouse: the data-readiness audit, RFM, propensity models compiled to SQL, segments with stable
 * holdouts, and measurement of lift. Every set operation is SQL built through the {@link io.seglift.spi.warehouse.Dialect}.
 */
package io.seglift.scoring;
