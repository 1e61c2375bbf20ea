/**
 * The data-readiness audit: qualified customers, history, engagement coverage, channel reachability per destination
 * and data quality, all counted in SQL, with a recommendation of the scoring method, stored in {@code audits}.
 */
package io.seglift.scoring.audit;
