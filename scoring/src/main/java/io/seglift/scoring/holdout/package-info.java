/**
 * Stable holdout groups: a customer's arm in a segment is a pure function of the segment's salt and the customer key,
 * computed identically by every {@link io.seglift.spi.warehouse.Dialect} and by {@link io.seglift.scoring.holdout.HoldoutHash}.
 */
package io.seglift.scoring.holdout;
