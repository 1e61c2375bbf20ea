package io.seglift.destination.hubspot;

import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import java.net.URI;

/** {@code type: hubspot}: a private-app {@code token} (secret) and an optional {@code base_url}. */
public final class HubSpotDestinationFactory implements DestinationFactory {
    public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

    @Override
    public String type() {
        return "hubspot";
    }

    @Override
    public String description() {
        return "HubSpot CRM: static contact lists per segment, contact properties in upsert mode";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(
                ConfigKey.required("token", ConfigKey.Type.SECRET, "private-app access token (${env:HUBSPOT_TOKEN})"),
                ConfigKey.optional("base_url", ConfigKey.Type.URL, DEFAULT_BASE_URL,
                        "API base URL; point it at a sandbox for tests and the demo"));
    }

    @Override
    public Destination create(Settings settings, DestinationContext context) {
        URI base = settings.uri("base_url").orElse(URI.create(DEFAULT_BASE_URL));
        return new HubSpotDestination(new HubSpotClient(context.httpClient(), base, settings.requireSecret("token"),
                context.requestTimeout()));
    }
}
