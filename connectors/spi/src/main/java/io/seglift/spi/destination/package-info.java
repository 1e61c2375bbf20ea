/**
 * The destination SPI: how Seglift talks to a CRM, an email platform or an ad network.
 *
 * <p>A destination module provides a {@link io.seglift.spi.destination.DestinationFactory} registered in
 * {@code META-INF/services/io.seglift.spi.destination.DestinationFactory}. The sync engine owns everything that is the
 * same for every destination: diffs, holdout exclusion, batching, rate limiting, retries with backoff, the circuit
 * breaker, state and run history. A destination only maps a {@link io.seglift.spi.destination.Batch} to API calls and
 * reports one {@link io.seglift.spi.destination.RowResult} per row. The factory declares {@link
 * io.seglift.spi.destination.Capabilities} from settings alone; the engine hands every destination a {@link
 * io.seglift.spi.destination.DestinationContext} (HTTP client paced per {@link io.seglift.spi.destination.RateLimit}
 * scope, clock, sleeper, timeout, logger).
 *
 * <p>The contract, in the spirit of Kafka Connect's retriable-versus-fatal errors:
 * <ul>
 *   <li>a row the destination rejects (bad email, unknown contact) is data: {@link
 *       io.seglift.spi.destination.RowResult#rejected}, never an exception;</li>
 *   <li>a row that failed for now while the rest of the batch succeeded is {@link
 *       io.seglift.spi.destination.RowResult#retry}: kept out of the committed state, sent again by the next run;</li>
 *   <li>a failure worth retrying (429, 5xx, timeout, reset) throws {@link
 *       io.seglift.spi.destination.RetriableDestinationException} carrying the server's requested wait (honoured up to the engine's maximum; past it the run stops);</li>
 *   <li>anything else (bad credentials, missing permission, unknown audience) throws {@link
 *       io.seglift.spi.destination.DestinationException} (the base type of both), which stops the run.</li>
 * </ul>
 * Pushes must be idempotent: sending the same batch twice leaves the destination as sending it once.
 */
package io.seglift.spi.destination;
