/** Side-by-side benchmarks: a Seglift step and its hand-written baseline alternated in one process (docs/benchmarks.md). */
package io.seglift.sync.bench;
