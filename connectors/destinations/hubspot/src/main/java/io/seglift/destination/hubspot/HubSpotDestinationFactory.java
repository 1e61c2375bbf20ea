package io.seglift.destination.hubspot;

import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import io.seglift.toolkit.http.BaseUrl;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code type: hubspot}: a {@code token} (secret: a service key, or a legacy private-app or static app token; all are
 * sent as {@code Authorization: Bearer}), an optional {@code api_version} (the newest date version by default) and an
 * optional {@code base_url}.
 */
public final class HubSpotDestinationFactory implements DestinationFactory {
    public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";
    /** The connector's version and the HubSpot API versions it calls. */
    public static final String VERSION = "1.2.0 (HubSpot CRM date-versioned APIs, default " + ApiVersion.NEWEST + "; v3 supported)";

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
                ConfigKey.required("token", ConfigKey.Type.SECRET,
                        "service key (or a legacy private-app token), sent as a Bearer token (${env:HUBSPOT_TOKEN})"),
                ConfigKey.oneOf("api_version", ApiVersion.NEWEST,
                        "HubSpot API version: a date version (newest first) or v3 while HubSpot supports it",
                        ApiVersion.SUPPORTED),
                ConfigKey.optional("base_url", ConfigKey.Type.URL, DEFAULT_BASE_URL,
                        "API base URL; point it at a sandbox for tests and the demo"));
    }

    @Override
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        settings.string("api_version").filter(v -> ApiVersion.of(v).isEmpty()).ifPresent(v -> problems.add(
                settings.name() + ".api_version: '" + v + "' is not a HubSpot API version Seglift knows; allowed: "
                        + String.join(", ", ApiVersion.SUPPORTED)));
        return problems;
    }

    @Override
    public Capabilities capabilities(Settings settings) {
        return HubSpotDestination.capabilities();
    }

    @Override
    public Destination create(Settings settings, DestinationContext context) {
        BaseUrl base = BaseUrl.parse(settings.name() + ".base_url", settings.string("base_url", DEFAULT_BASE_URL));
        ApiVersion version = settings.string("api_version").map(v -> ApiVersion.of(v).orElseThrow(
                () -> new IllegalArgumentException(validate(settings).get(0)))).orElse(ApiVersion.newest());
        return new HubSpotDestination(new HubSpotClient(context, base, settings.requireSecret("token"), version));
    }
}
