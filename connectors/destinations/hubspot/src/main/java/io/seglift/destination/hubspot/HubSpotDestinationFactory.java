package io.seglift.destination.hubspot;

import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import java.net.URI;
import java.util.List;

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
    public List<String> validate(Settings settings) {
        return settings.string("base_url").filter(u -> !isHttp(u))
                .map(u -> List.of("base_url: '" + u + "' is not allowed (allowed: http or https URLs with a host)"))
                .orElse(List.of());
    }

    private static boolean isHttp(String url) {
        try {
            URI u = new URI(url.trim());
            return u.getHost() != null && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Override
    public Destination create(Settings settings, DestinationContext context) {
        List<String> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("hubspot '" + settings.name() + "': " + String.join("; ", problems));
        }
        URI base = settings.uri("base_url").orElse(URI.create(DEFAULT_BASE_URL));
        return new HubSpotDestination(new HubSpotClient(context.httpClient(), base, settings.requireSecret("token"),
                context.requestTimeout()));
    }
}
