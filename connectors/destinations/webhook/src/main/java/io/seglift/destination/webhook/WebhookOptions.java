package io.seglift.destination.webhook;

import io.seglift.spi.destination.Channel;
import io.seglift.spi.settings.Secret;

import io.seglift.toolkit.http.BaseUrl;

/**
 * Validated settings of one webhook destination.
 *
 * @param baseUrl           receiver root, without a trailing slash
 * @param signingSecret     HMAC key
 * @param channel           channel the receiver activates
 * @param maxBatchSize      members per POST
 * @param requestsPerSecond pace the engine keeps
 */
public record WebhookOptions(BaseUrl baseUrl, Secret signingSecret, Channel channel, int maxBatchSize,
                             double requestsPerSecond) {
}
