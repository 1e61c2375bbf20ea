/**
 * The demo: a synthetic but realistic shop generated from a documented behavioural model (docs/demo-data.md), written
 * to a DuckDB warehouse with its ground truth, the demo project file, the outcome simulation that plays out a campaign
 * with a known effect, and the ordered stages of {@code seglift demo}.
 */
package io.seglift.demo;
