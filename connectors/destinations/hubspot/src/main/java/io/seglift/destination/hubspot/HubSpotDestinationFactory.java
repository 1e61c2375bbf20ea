package io.seglift.destination.hubspot;

import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import io.seglift.toolkit.http.BaseUrl;

/** {@code type: hubspot}: a private-app {@code token} (secret) and an optional {@code base_url}. */
public final class HubSpotDestinationFactory implements DestinationFactory {
    public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";
    /** The connector's version: CRM API v3 endpoints. */
    public static final String VERSION = "1.1.0 (HubSpot CRM API v3)";

    @Override
    public String version() {
        return VERSION;
    }

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
    public Capabilities capabilities(Settings settings) {
        return HubSpotDestination.capabilities();
    }

    @Override
    public Destination create(Settings settings, DestinationContext context) {
        BaseUrl base = BaseUrl.parse(settings.name() + ".base_url", settings.string("base_url", DEFAULT_BASE_URL));
        return new HubSpotDestination(new HubSpotClient(context, base, settings.requireSecret("token")));
    }
}
