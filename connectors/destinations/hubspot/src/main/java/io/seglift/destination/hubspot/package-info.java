/**
 * The HubSpot destination: contacts matched or created by email with batch upsert, one static (MANUAL) contact list
 * per segment found by name, memberships added and removed by record id, and contact properties written in upsert
 * mode (created first when missing). {@link io.seglift.destination.hubspot.HubSpotClient} is a typed client on
 * {@code java.net.http} and Jackson that maps HubSpot's rate-limit policies, multi-status answers and transport
 * failures onto the SPI's retriable and fatal exceptions.
 */
package io.seglift.destination.hubspot;
