/**
 * {@code seglift bench}: each Seglift step timed against its hand-written baseline in the same process, alternated,
 * medians of repeats; the scaling run (time and peak heap per size) and its SVG chart.
 */
package io.seglift.bench;
