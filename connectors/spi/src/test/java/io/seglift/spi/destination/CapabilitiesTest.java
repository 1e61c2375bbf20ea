package io.seglift.spi.destination;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapabilitiesTest {

    @Test
    void buildsWhatItWasTold() {
        Capabilities c = Capabilities.builder(Channel.CRM).identifiers(IdentifierType.EMAIL).maxBatchSize(100)
                .rateLimit(new RateLimit("default", 10, Duration.ofSeconds(1))).modes(SyncMode.values())
                .removes().attributes().build();
        assertThat(c.modes()).containsExactlyInAnyOrder(SyncMode.values());
        assertThat(c.rateLimits()).hasSize(1);
        assertThat(c.supportsRemove()).isTrue();
    }

    @Test
    void refusesContradictions() {
        assertThatThrownBy(() -> Capabilities.builder(Channel.ADS).identifiers(IdentifierType.EMAIL).maxBatchSize(10)
                .modes(SyncMode.MIRROR).build()).hasMessageContaining("mirror needs remove");
        assertThatThrownBy(() -> Capabilities.builder(Channel.ADS).identifiers(IdentifierType.EMAIL).maxBatchSize(10)
                .modes(SyncMode.UPSERT).removes().build()).hasMessageContaining("upsert needs attributes");
        assertThatThrownBy(() -> Capabilities.builder(Channel.ADS).maxBatchSize(10).modes(SyncMode.ADD_ONLY).build())
                .hasMessageContaining("at least one identifier");
        assertThatThrownBy(() -> Capabilities.builder(Channel.ADS).identifiers(IdentifierType.EMAIL).maxBatchSize(0)
                .modes(SyncMode.ADD_ONLY).build()).hasMessageContaining("positive");
    }

    @Test
    void retriableIsAKindOfDestinationException() {
        DestinationException e = new RetriableDestinationException("429", "busy", Duration.ofSeconds(1));
        assertThat(e.retriable()).isTrue();
        assertThat(new DestinationException("AUTH", "bad token").retriable()).isFalse();
    }
}
