/**
 * A Klaviyo API sandbox on WireMock for tests and {@code seglift demo}: lists, profiles, bulk import jobs (completed
 * after a poll, with import errors carrying {@code original_payload}, and the job's profiles) and list relationships,
 * behind the same API-key, revision and JSON:API shapes as Klaviyo. It refuses what Klaviyo's OpenAPI spec and guides
 * say Klaviyo refuses (sizes, revision, required fields) and cites them; its responses validate against the spec.
 */
package io.seglift.destination.klaviyo.sandbox;
