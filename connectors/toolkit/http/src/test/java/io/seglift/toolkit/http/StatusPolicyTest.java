package io.seglift.toolkit.http;

import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.RetriableDestinationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPolicyTest {
    private final StatusPolicy policy = new StatusPolicy("Vendor", "create a new key and set api_key",
            "give the key scope lists:write");

    @Test
    void mapsEveryStatusClassOnce() {
        assertThat(StatusPolicy.outcome(200)).isEqualTo(StatusPolicy.Outcome.SUCCESS);
        assertThat(StatusPolicy.outcome(204)).isEqualTo(StatusPolicy.Outcome.SUCCESS);
        assertThat(StatusPolicy.outcome(429)).isEqualTo(StatusPolicy.Outcome.RETRIABLE);
        assertThat(StatusPolicy.outcome(500)).isEqualTo(StatusPolicy.Outcome.RETRIABLE);
        assertThat(StatusPolicy.outcome(503)).isEqualTo(StatusPolicy.Outcome.RETRIABLE);
        assertThat(StatusPolicy.outcome(401)).isEqualTo(StatusPolicy.Outcome.UNAUTHORIZED);
        assertThat(StatusPolicy.outcome(403)).isEqualTo(StatusPolicy.Outcome.FORBIDDEN);
        assertThat(StatusPolicy.outcome(400)).isEqualTo(StatusPolicy.Outcome.OTHER_CLIENT_ERROR);
        assertThat(StatusPolicy.outcome(404)).isEqualTo(StatusPolicy.Outcome.OTHER_CLIENT_ERROR);
        assertThat(StatusPolicy.outcome(302)).isEqualTo(StatusPolicy.Outcome.OTHER_CLIENT_ERROR);
    }

    @Test
    void retriableCarriesTheServersWaitAndFatalSaysWhatToDo() {
        DestinationException limited = policy.failure(429, "POST /api/x", Duration.ofSeconds(30)).orElseThrow();
        assertThat(limited).isInstanceOf(RetriableDestinationException.class);
        assertThat(((RetriableDestinationException) limited).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(limited.getMessage()).contains("429").contains("POST /api/x").contains("30s");
        assertThat(policy.failure(502, "GET /a", null).orElseThrow()).isInstanceOf(RetriableDestinationException.class);

        DestinationException auth = policy.failure(401, "GET /a", null).orElseThrow();
        assertThat(auth.retriable()).isFalse();
        assertThat(auth.getMessage()).contains("401").contains("create a new key");
        assertThat(policy.failure(403, "GET /a", null).orElseThrow().getMessage()).contains("403").contains("lists:write");
    }

    @Test
    void otherClientErrorsAndSuccessAreTheConnectorsToDecide() {
        assertThat(policy.failure(400, "POST /a", null)).isEmpty();
        assertThat(policy.failure(404, "GET /a", null)).isEmpty();
        assertThat(policy.failure(200, "GET /a", null)).isEmpty();
        assertThat(policy.fatal(422, "POST /a", "invalid - bad list").getMessage()).contains("422").contains("bad list");
    }
}
