/** Benchmark and evaluation mains for propensity models (run by hand, see docs/benchmarks.md); not tests. */
package io.seglift.scoring.propensity.bench;
