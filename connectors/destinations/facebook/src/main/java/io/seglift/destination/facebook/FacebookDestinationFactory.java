package io.seglift.destination.facebook;

import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;
import io.seglift.toolkit.http.BaseUrl;

import java.util.List;

/** Creates {@link FacebookDestination}s for {@code type: facebook}. */
public final class FacebookDestinationFactory implements DestinationFactory {
    static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
    static final String DEFAULT_VERSION = "v21.0";
    static final List<String> FILE_SOURCES =
            List.of("USER_PROVIDED_ONLY", "PARTNER_PROVIDED_ONLY", "BOTH_USER_AND_PARTNER_PROVIDED");

    @Override
    public String type() {
        return "facebook";
    }

    @Override
    public String description() {
        return "Facebook Custom Audiences: one customer-list audience per segment, identifiers hashed in-process";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(
                ConfigKey.optional("base_url", ConfigKey.Type.URL, DEFAULT_BASE_URL, "Graph API root"),
                ConfigKey.optional("api_version", ConfigKey.Type.STRING, DEFAULT_VERSION, "Graph API version"),
                ConfigKey.required("access_token", ConfigKey.Type.SECRET,
                        "system-user access token with the ads_management permission"),
                ConfigKey.optional("app_secret", ConfigKey.Type.SECRET, null,
                        "app secret, when the app requires appsecret_proof"),
                ConfigKey.required("ad_account_id", ConfigKey.Type.STRING, "ad account id, e.g. act_1234567890"),
                ConfigKey.oneOf("customer_file_source", "USER_PROVIDED_ONLY",
                        "where the customer data came from (Meta requires it on customer-list audiences)", FILE_SOURCES),
                ConfigKey.optional("default_country_code", ConfigKey.Type.STRING, null,
                        "calling code for phone numbers stored without one, e.g. 1 or 44"),
                ConfigKey.optional("full_refresh", ConfigKey.Type.BOOLEAN, "false",
                        "replace the audience through usersreplace; only for syncs that send the whole segment"),
                ConfigKey.optional("requests_per_minute", ConfigKey.Type.INTEGER, "60",
                        "user-upload calls per minute; Meta throttles dynamically and the connector honours its wait"));
    }

    @Override
    public String version() {
        return "1.1.0 (Graph API " + DEFAULT_VERSION + ")";
    }

    @Override
    public Capabilities capabilities(Settings settings) {
        return FacebookDestination.capabilities(options(settings));
    }

    @Override
    public Destination create(Settings settings, DestinationContext context) {
        return new FacebookDestination(options(settings), context);
    }

    private static FacebookOptions options(Settings settings) {
        String source = settings.string("customer_file_source", "USER_PROVIDED_ONLY").toUpperCase(java.util.Locale.ROOT);
        if (!FILE_SOURCES.contains(source)) {
            throw new IllegalArgumentException("facebook '" + settings.name() + "'.customer_file_source is '" + source
                    + "'; allowed: " + FILE_SOURCES);
        }
        String account = settings.requireString("ad_account_id").trim();
        if (!account.startsWith("act_")) account = "act_" + account;
        if (!account.substring(4).matches("\\d+")) {
            throw new IllegalArgumentException("facebook '" + settings.name() + "'.ad_account_id must be digits "
                    + "(optionally prefixed act_), got '" + settings.requireString("ad_account_id") + "'");
        }
        String base = BaseUrl.parse(settings.name() + ".base_url", settings.string("base_url", DEFAULT_BASE_URL)).toString();
        return new FacebookOptions(base,
                settings.string("api_version", DEFAULT_VERSION), settings.requireSecret("access_token"),
                settings.secret("app_secret"), account, source,
                settings.string("default_country_code").map(s -> s.replaceAll("\\D", "")).filter(s -> !s.isEmpty()),
                settings.bool("full_refresh", false), (int) settings.integer("requests_per_minute", 60));
    }
}
