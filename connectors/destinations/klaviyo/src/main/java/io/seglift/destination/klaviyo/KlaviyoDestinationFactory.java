package io.seglift.destination.klaviyo;

import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import io.seglift.toolkit.http.BaseUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Creates {@link KlaviyoDestination}s for {@code type: klaviyo}. */
public final class KlaviyoDestinationFactory implements DestinationFactory {
    static final String DEFAULT_BASE_URL = "https://a.klaviyo.com";

    @Override
    public String version() {
        return "1.2.0 (Klaviyo API revision " + KlaviyoClient.REVISION + ")";
    }

    @Override
    public Capabilities capabilities(Settings settings) {
        return KlaviyoDestination.capabilities();
    }

    @Override
    public String type() {
        return "klaviyo";
    }

    @Override
    public String description() {
        return "Klaviyo email: one list per segment, profiles upserted with bulk import jobs";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(
                ConfigKey.optional("base_url", ConfigKey.Type.URL, DEFAULT_BASE_URL, "Klaviyo API root"),
                ConfigKey.required("api_key", ConfigKey.Type.SECRET,
                        "private API key with scopes lists:read, lists:write, profiles:read, profiles:write"),
                ConfigKey.optional("job_poll_interval", ConfigKey.Type.DURATION, "2s",
                        "longest wait between polls of a bulk import job (the first polls come sooner: 250 ms, doubling)"),
                ConfigKey.optional("job_timeout", ConfigKey.Type.DURATION, "10m",
                        "longest wait for one import job before the batch is retried"));
    }

    @Override
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        Duration poll = settings.duration("job_poll_interval").orElse(Duration.ofSeconds(2));
        Duration timeout = settings.duration("job_timeout").orElse(Duration.ofMinutes(10));
        if (poll.isZero() || poll.isNegative()) {
            problems.add("job_poll_interval: must be above 0 (e.g. 2s)");
        }
        if (timeout.compareTo(poll) < 0) {
            problems.add("job_timeout: " + timeout + " is shorter than job_poll_interval " + poll
                    + " (allowed: at least one poll interval, e.g. 10m)");
        }
        return problems;
    }

    @Override
    public Destination create(Settings settings, DestinationContext context) {
        List<String> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("klaviyo '" + settings.name() + "': " + String.join("; ", problems));
        }
        KlaviyoOptions options = new KlaviyoOptions(
                BaseUrl.parse(settings.name() + ".base_url", settings.string("base_url", DEFAULT_BASE_URL)),
                settings.requireSecret("api_key"),
                settings.duration("job_poll_interval").orElse(Duration.ofSeconds(2)),
                settings.duration("job_timeout").orElse(Duration.ofMinutes(10)));
        return new KlaviyoDestination(new KlaviyoClient(options, context), options, context.clock(), context.sleeper());
    }
}
