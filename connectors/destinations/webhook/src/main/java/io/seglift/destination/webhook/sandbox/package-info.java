/**
 * A webhook receiver to point the webhook destination at in tests and in {@code seglift demo}: it verifies
 * signatures, keeps audiences and their members in memory, deduplicates redeliveries by idempotency key, and rejects
 * members whose email is malformed, the way a real receiver would.
 */
package io.seglift.destination.webhook.sandbox;
