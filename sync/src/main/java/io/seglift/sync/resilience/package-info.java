/**
 * Pacing by rolling-window rate limits (a sliding log per declared limit), retries with backoff and the circuit breaker
 * around destination calls (resilience4j).
 */
package io.seglift.sync.resilience;
