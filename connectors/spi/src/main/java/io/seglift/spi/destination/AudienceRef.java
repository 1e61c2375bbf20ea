package io.seglift.spi.destination;

/**
 * An audience as the destination knows it.
 *
 * @param id      the destination's id (HubSpot list id, Klaviyo list id, Facebook audience id)
 * @param name    its name in the destination
 * @param created whether this call created it
 */
public record AudienceRef(String id, String name, boolean created) {
}
