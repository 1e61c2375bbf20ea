/**
 * The signed JSON webhook destination, Seglift's reference connector: it POSTs each batch as JSON with an HMAC-SHA256
 * signature, a timestamp and an idempotency key, and reads per-row rejections from the answer. The guide
 * {@code docs/adding-a-destination.md} walks through it.
 */
package io.seglift.destination.webhook;
