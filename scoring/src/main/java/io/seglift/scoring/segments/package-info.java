/**
 * Segments: the member profile view that rules are written over, materialised membership per as-of date with a stable
 * holdout arm, first-assignment records for lift measurement, build stability, and read-only views for the CLI.
 */
package io.seglift.scoring.segments;
