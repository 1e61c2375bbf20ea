/** Benchmarks of the PostgreSQL warehouse, run by hand (see docs/benchmarks.md); not part of the test suite. */
package io.seglift.warehouse.postgres.bench;
