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
    /**
     * The newest Marketing API version: released 4 November 2026, expiry not yet announced, while v24.0 expired on
     * 10 November 2026 and v25.0 expires on 23 February 2027
     * (https://developers.facebook.com/documentation/ads-commerce/marketing-api/marketing-api-changelog/versions).
     */
    static final String DEFAULT_VERSION = "v27.0";
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("^v\\d{1,3}\\.\\d$");
    static final List<String> FILE_SOURCES =
            List.of("USER_PROVIDED_ONLY", "PARTNER_PROVIDED_ONLY", "BOTH_USER_AND_PARTNER_PROVIDED");

    /**
     * Why {@code full_refresh: true} is refused. Meta's {@code usersreplace} replaces every member of the audience with
     * what one upload session sends (https://developers.facebook.com/docs/marketing-api/reference/custom-audience/usersreplace/),
     * but the engine sends only the members that changed since the last run, so a replace would shrink the audience to
     * the newcomers while Seglift's state still counts everyone as synced.
     */
    static final String FULL_REFRESH_REFUSED = "full_refresh: true is not supported: Meta's usersreplace would replace"
            + " the whole audience with the members that changed in this run, shrinking it to the newcomers; remove"
            + " full_refresh and set the sync's mode: mirror, which adds new members and removes those who left the"
            + " segment, so the audience equals the segment";

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
                ConfigKey.optional("api_version", ConfigKey.Type.STRING, DEFAULT_VERSION,
                        "Graph API version, e.g. " + DEFAULT_VERSION + "; Meta retires each version about a year after"
                                + " release (https://developers.facebook.com/docs/graph-api/changelog/versions/)"),
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
                        "no longer supported (must be false): use the sync's mode: mirror to keep the audience equal to"
                                + " the segment"),
                ConfigKey.optional("requests_per_minute", ConfigKey.Type.INTEGER, "60",
                        "user-upload calls per minute; Meta throttles dynamically and the connector honours its wait"),
                new ConfigKey(LookalikeSpec.KEY, ConfigKey.Type.MAP, false, null,
                        "lookalike audience created from each sync's audience once Meta counts at least "
                                + Lookalikes.MIN_SOURCE_SIZE + " people in it: {ratio: 0.01..0.20, countries: [US, ..]}"
                                + " (ISO 3166-1 alpha-2 codes)", List.of()));
    }

    @Override
    public String version() {
        return "1.3.0 (Graph API " + DEFAULT_VERSION + " by default)";
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
        String version = settings.string("api_version", DEFAULT_VERSION).trim();
        if (!VERSION.matcher(version).matches()) {
            problems.add("api_version: '" + version + "' is not a Graph API version (allowed: v<major>.0, e.g. "
                    + DEFAULT_VERSION + ")");
        }
        if (settings.bool("full_refresh", false)) {
            problems.add(FULL_REFRESH_REFUSED);
        }
        settings.map(LookalikeSpec.KEY).ifPresent(block -> problems.addAll(LookalikeSpec.problems(block)));
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
                settings.string("api_version", DEFAULT_VERSION).trim(), settings.requireSecret("access_token"),
                settings.secret("app_secret"), adAccount(settings.requireString("ad_account_id")), fileSource(settings),
                settings.string("default_country_code").map(s -> s.replaceAll("\\D", "")).filter(s -> !s.isEmpty()),
                (int) settings.integer("requests_per_minute", 60),
                settings.map(LookalikeSpec.KEY).flatMap(LookalikeSpec::of));
    }
}
