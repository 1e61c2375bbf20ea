package io.seglift.destination.facebook;

import io.seglift.spi.settings.Secret;

import java.util.Optional;

/**
 * Validated settings of one Facebook ad account.
 *
 * @param baseUrl            Graph API root, {@code https://graph.facebook.com} unless pointed at a sandbox
 * @param apiVersion         Graph API version, e.g. {@code v27.0}
 * @param accessToken        system-user access token with {@code ads_management}
 * @param appSecret          app secret for {@code appsecret_proof}, when the app requires it
 * @param adAccountId        ad account id with the {@code act_} prefix
 * @param customerFileSource where the customer data came from, as Meta requires
 * @param defaultCountryCode calling code added to phone numbers written without one (e.g. {@code 1}), if any
 * @param requestsPerMinute  pace the engine keeps for user uploads
 * @param lookalike          the lookalike to create from each sync's audience once it is large enough, if any
 */
public record FacebookOptions(String baseUrl, String apiVersion, Secret accessToken, Optional<Secret> appSecret,
                              String adAccountId, String customerFileSource, Optional<String> defaultCountryCode,
                              int requestsPerMinute, Optional<LookalikeSpec> lookalike) {

    /** Options without a lookalike. */
    public FacebookOptions(String baseUrl, String apiVersion, Secret accessToken, Optional<Secret> appSecret,
                           String adAccountId, String customerFileSource, Optional<String> defaultCountryCode,
                           int requestsPerMinute) {
        this(baseUrl, apiVersion, accessToken, appSecret, adAccountId, customerFileSource, defaultCountryCode,
                requestsPerMinute, Optional.empty());
    }
}
