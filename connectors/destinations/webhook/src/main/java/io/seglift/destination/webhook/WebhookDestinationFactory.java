package io.seglift.destination.webhook;

import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import io.seglift.toolkit.http.BaseUrl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Creates {@link WebhookDestination}s for {@code type: webhook}. */
public final class WebhookDestinationFactory implements DestinationFactory {
    static final String BASE_URL = "base_url";
    static final String SIGNING_SECRET = "signing_secret";
    static final String CHANNEL = "channel";
    static final String MAX_BATCH_SIZE = "max_batch_size";
    static final String REQUESTS_PER_SECOND = "requests_per_second";
    static final int HARD_MAX_BATCH = 10_000;

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public String description() {
        return "Signed JSON webhook: POSTs batches to your endpoint with an HMAC-SHA256 signature";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(
                ConfigKey.required(BASE_URL, ConfigKey.Type.URL,
                        "receiver root URL; batches go to <base_url>/batches, audiences to <base_url>/audiences/<key>"),
                ConfigKey.required(SIGNING_SECRET, ConfigKey.Type.SECRET,
                        "shared secret for the request signatures (Standard Webhooks webhook-signature and X-Seglift-Signature)"),
                ConfigKey.oneOf(CHANNEL, "crm", "channel the receiver activates (decides the consent required)",
                        Arrays.stream(Channel.values()).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList()),
                ConfigKey.optional(MAX_BATCH_SIZE, ConfigKey.Type.INTEGER, "1000",
                        "members per POST, 1 to " + HARD_MAX_BATCH),
                ConfigKey.optional(REQUESTS_PER_SECOND, ConfigKey.Type.NUMBER, "10",
                        "requests per second the receiver accepts"));
    }

    @Override
    public String version() {
        return "1.1.0 (Seglift webhook protocol 1)";
    }

    @Override
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        long maxBatch = settings.integer(MAX_BATCH_SIZE, 1000);
        if (maxBatch < 1 || maxBatch > HARD_MAX_BATCH) {
            problems.add(MAX_BATCH_SIZE + ": " + maxBatch + " is out of range (allowed: 1 to " + HARD_MAX_BATCH + ")");
        }
        double rps = settings.number(REQUESTS_PER_SECOND, 10);
        if (!(rps > 0)) {
            problems.add(REQUESTS_PER_SECOND + ": " + rps + " must be above 0");
        }
        return problems;
    }

    @Override
    public Capabilities capabilities(Settings settings) {
        return WebhookDestination.capabilities(options(settings));
    }

    @Override
    public Destination create(Settings settings, DestinationContext context) {
        return new WebhookDestination(options(settings), context);
    }

    private WebhookOptions options(Settings settings) {
        List<String> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("webhook '" + settings.name() + "': " + String.join("; ", problems));
        }
        return new WebhookOptions(
                BaseUrl.parse(settings.name() + "." + BASE_URL, settings.requireString(BASE_URL)),
                settings.requireSecret(SIGNING_SECRET),
                Channel.valueOf(settings.string(CHANNEL, "crm").toUpperCase(java.util.Locale.ROOT)),
                (int) settings.integer(MAX_BATCH_SIZE, 1000),
                settings.number(REQUESTS_PER_SECOND, 10));
    }

    /** The identifiers the webhook forwards, in payload order. */
    static List<io.seglift.spi.destination.IdentifierType> forwardedIdentifiers() {
        return List.of(io.seglift.spi.destination.IdentifierType.EMAIL, io.seglift.spi.destination.IdentifierType.PHONE,
                io.seglift.spi.destination.IdentifierType.EXTERNAL_ID, io.seglift.spi.destination.IdentifierType.FIRST_NAME,
                io.seglift.spi.destination.IdentifierType.LAST_NAME);
    }
}
