package io.seglift.destination.klaviyo;

import io.seglift.spi.settings.Secret;

import io.seglift.toolkit.http.BaseUrl;

import java.time.Duration;

/**
 * Validated settings of one Klaviyo account.
 *
 * @param baseUrl          API root, {@code https://a.klaviyo.com} unless pointed at a sandbox
 * @param apiKey           private API key (scopes lists:read, lists:write, profiles:read, profiles:write)
 * @param jobPollInterval  wait between polls of a bulk import job
 * @param jobTimeout       how long a push waits for its import job before asking the engine to retry
 */
public record KlaviyoOptions(BaseUrl baseUrl, Secret apiKey, Duration jobPollInterval, Duration jobTimeout) {
}
