package io.seglift.sync;

import io.seglift.config.DestinationConfig;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RequestScope;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which limits a sync runs under: the declared ones, the project's {@code rate_limit}, and the default. */
class EffectiveLimitsTest {
    private static final RateLimit LOOKUPS = new RateLimit("profiles-read:burst", 75, Duration.ofSeconds(1),
            RequestScope.of("GET", "/api/profiles"));

    private static DestinationConfig destination(Optional<RateLimit> projectLimit) {
        return new DestinationConfig("d", "x", new Settings("d", "x", Map.of()), projectLimit);
    }

    @Test
    void aDestinationDeclaringOnlyEndpointLimitsGetsTheDefaultForEverythingElseNotOnTop() {
        Capabilities caps = Capabilities.builder(Channel.EMAIL).identifiers(IdentifierType.EMAIL).maxBatchSize(100).modes(SyncMode.values()).removes().attributes().rateLimit(LOOKUPS).build();
        List<RateLimit> limits = SyncEngine.rateLimits(destination(Optional.empty()), caps);

        assertThat(limits).as("the default is not one more limit on every request").containsExactly(LOOKUPS);
        assertThat(SyncEngine.otherRequestsLimit(limits)).hasValueSatisfying(d -> {
            assertThat(d.requests()).isEqualTo(10);
            assertThat(d.period()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void aLimitOnAllRequestsLeavesNoDefaultAndTheProjectsReplacesTheDestinations() {
        RateLimit declaredAll = new RateLimit("default", 100, Duration.ofSeconds(10));
        RateLimit professional = new RateLimit("default", 190, Duration.ofSeconds(10));
        Capabilities caps = Capabilities.builder(Channel.CRM).identifiers(IdentifierType.EMAIL).maxBatchSize(100).modes(SyncMode.values()).removes().attributes().rateLimit(declaredAll).rateLimit(LOOKUPS).build();

        List<RateLimit> declared = SyncEngine.rateLimits(destination(Optional.empty()), caps);
        assertThat(declared).containsExactly(declaredAll, LOOKUPS);
        assertThat(SyncEngine.otherRequestsLimit(declared)).isEmpty();

        List<RateLimit> withProject = SyncEngine.rateLimits(destination(Optional.of(professional)), caps);
        assertThat(withProject).containsExactly(professional, LOOKUPS);
        assertThat(SyncEngine.otherRequestsLimit(withProject)).isEmpty();
    }
}
