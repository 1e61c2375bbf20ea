/**
 * A HubSpot stand-in for tests and {@code seglift demo}: {@link io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi}
 * keeps contacts, static lists, memberships and contact properties in memory and answers the endpoints the connector
 * uses with HubSpot's response shapes, including its 429 bodies and {@code X-HubSpot-RateLimit-*} headers and 207
 * multi-status answers; {@link io.seglift.destination.hubspot.sandbox.HubSpotSandboxProvider} serves it on WireMock.
 */
package io.seglift.destination.hubspot.sandbox;
