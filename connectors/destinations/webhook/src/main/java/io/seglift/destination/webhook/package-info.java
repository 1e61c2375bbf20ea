/**
 * The signed JSON webhook destination, Seglift's reference connector: it POSTs each batch as JSON signed the Standard
 * Webhooks way (as Seglift's alerts are) and with the earlier {@code X-Seglift-Signature}, with an idempotency key, and reads per-row rejections from the answer. The guide
 * {@code docs/adding-a-destination.md} walks through it.
 */
package io.seglift.destination.webhook;
