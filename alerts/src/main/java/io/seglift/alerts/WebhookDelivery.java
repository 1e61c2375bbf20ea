package io.seglift.alerts;

import io.github.resilience4j.core.IntervalFunction;
import io.seglift.alerts.WebhookTransport.Answer;
import io.seglift.config.AlertsConfig;
import io.seglift.spi.time.Sleeper;
import io.seglift.toolkit.http.StandardWebhookSignature;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers one signed message: retries connection failures, timeouts, 408, 429 and 5xx with exponential backoff
 * (resilience4j's {@link IntervalFunction}, from {@value #FIRST_WAIT_SECONDS} s doubling up to {@value
 * #MAX_WAIT_SECONDS} s, or the receiver's {@code Retry-After} in seconds when longer), at most {@code max_attempts}
 * times, and starts no retry once {@code give_up_after} would be passed. Other 4xx answers are final. Waiting goes
 * through the injected {@link Sleeper}; each attempt is signed with a fresh timestamp, so a slow retry is not refused
 * as a replay.
 */
public final class WebhookDelivery {
    static final long FIRST_WAIT_SECONDS = 1;
    static final long MAX_WAIT_SECONDS = 30;

    private final AlertsConfig.Webhook webhook;
    private final int maxAttempts;
    private final Duration giveUpAfter;
    private final WebhookTransport transport;
    private final Clock clock;
    private final Sleeper sleeper;
    private final IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(
            Duration.ofSeconds(FIRST_WAIT_SECONDS), 2.0, Duration.ofSeconds(MAX_WAIT_SECONDS));

    public WebhookDelivery(AlertsConfig config, WebhookTransport transport, Clock clock, Sleeper sleeper) {
        this.webhook = config.webhook().orElseThrow(() -> new IllegalArgumentException("alerts have no webhook"));
        this.maxAttempts = config.maxAttempts();
        this.giveUpAfter = config.giveUpAfter();
        this.transport = transport;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Sends {@code body} for {@code alert}; never throws for the receiver's sake. */
    public DeliveryRecord deliver(Alert alert, byte[] body) throws InterruptedException {
        Instant start = clock.instant();
        Duration waited = Duration.ZERO;
        Integer status = null;
        String error = null;
        int attempt = 0;
        while (true) {
            attempt++;
            Optional<Duration> asked = Optional.empty();
            try {
                Map<String, String> headers = StandardWebhookSignature.headers(webhook.secret().reveal(), alert.id(),
                        now(start, waited).getEpochSecond(), body);
                Answer a = transport.post(webhook.url(), headers, body);
                status = a.status();
                if (status / 100 == 2) return record(alert, attempt, status, true, null, start, waited);
                error = "HTTP " + status;
                if (!retriable(status)) break;
                asked = a.retryAfter().flatMap(WebhookDelivery::seconds);
            } catch (IOException e) {
                status = null;
                error = "no answer: " + e.getClass().getSimpleName();
            }
            if (attempt >= maxAttempts) break;
            Duration wait = Duration.ofMillis(backoff.apply(attempt));
            if (asked.isPresent() && asked.get().compareTo(wait) > 0) wait = asked.get();
            Duration elapsed = Duration.between(start, now(start, waited));
            if (elapsed.plus(wait).compareTo(giveUpAfter) > 0) {
                error += "; gave up: the next retry would start after give_up_after (" + giveUpAfter.toSeconds() + " s)";
                break;
            }
            sleeper.sleep(wait);
            waited = waited.plus(wait);
        }
        return record(alert, attempt, status, false, error, start, waited);
    }

    /**
     * The clock's time, but never less than the start plus the time slept: a clock that does not move with the
     * sleeper (a test's) still sees the waits, and a real one is not counted twice.
     */
    private Instant now(Instant start, Duration waited) {
        Instant clockNow = clock.instant();
        Instant slept = start.plus(waited);
        return clockNow.isBefore(slept) ? slept : clockNow;
    }

    private DeliveryRecord record(Alert a, int attempts, Integer status, boolean delivered, String error,
                                  Instant start, Duration waited) {
        Instant end = now(start, waited);
        return new DeliveryRecord(a.id(), a.kind(), a.sync(), a.segment(), a.runId(), attempts, status, delivered,
                error, start, end);
    }

    static boolean retriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            long s = Long.parseLong(retryAfter.trim());
            return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
