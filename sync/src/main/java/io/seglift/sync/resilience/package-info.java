/** Rate limiting, retries with backoff and the circuit breaker around destination calls (resilience4j). */
package io.seglift.sync.resilience;
