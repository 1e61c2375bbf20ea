/**
 * A Klaviyo API sandbox on WireMock for tests and {@code seglift demo}: lists, profiles, bulk import jobs (completed
 * after a poll, with import errors for malformed emails) and list relationships, behind the same API-key, revision and
 * JSON:API shapes as Klaviyo.
 */
package io.seglift.destination.klaviyo.sandbox;
