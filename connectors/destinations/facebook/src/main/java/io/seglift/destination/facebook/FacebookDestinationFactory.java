package io.seglift.destination.facebook;

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
import java.util.Locale;

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
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        String source = fileSource(settings);
        if (!FILE_SOURCES.contains(source)) {
            problems.add("customer_file_source: '" + source + "' is not allowed (allowed: "
                    + String.join(", ", FILE_SOURCES) + ")");
        }
        settings.string("ad_account_id").ifPresent(raw -> {
            if (!adAccount(raw).substring(4).matches("\\d+")) {
                problems.add("ad_account_id: '" + raw + "' is not an ad account id (allowed: digits, optionally "
                        + "prefixed act_, e.g. act_1234567890)");
            }
        });
        long perMinute = settings.integer("requests_per_minute", 60);
        if (perMinute < 1) {
            problems.add("requests_per_minute: " + perMinute + " must be at least 1");
        }
        return problems;
    }

    @Override
    public Capabilities capabilities(Settings settings) {
        return FacebookDestination.capabilities(options(settings));
    }

    @Override
    public Destination create(Settings settings, DestinationContext context) {
        return new FacebookDestination(options(settings), context);
    }

    private static String fileSource(Settings settings) {
        return settings.string("customer_file_source", "USER_PROVIDED_ONLY").toUpperCase(Locale.ROOT);
    }

    private static String adAccount(String raw) {
        String account = raw.trim();
        return account.startsWith("act_") ? account : "act_" + account;
    }

    private FacebookOptions options(Settings settings) {
        List<String> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("facebook '" + settings.name() + "': " + String.join("; ", problems));
        }
        String base = BaseUrl.parse(settings.name() + ".base_url", settings.string("base_url", DEFAULT_BASE_URL)).toString();
        return new FacebookOptions(base,
                settings.string("api_version", DEFAULT_VERSION), settings.requireSecret("access_token"),
                settings.secret("app_secret"), adAccount(settings.requireString("ad_account_id")), fileSource(settings),
                settings.string("default_country_code").map(s -> s.replaceAll("\\D", "")).filter(s -> !s.isEmpty()),
                settings.bool("full_refresh", false), (int) settings.integer("requests_per_minute", 60));
    }
}
