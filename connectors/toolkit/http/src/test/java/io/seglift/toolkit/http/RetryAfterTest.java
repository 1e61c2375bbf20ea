package io.seglift.toolkit.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("120")).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ")).contains(Duration.ZERO);
    }

    @Test
    void httpDatesNegativesAndGarbageReadAsAbsent() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
        assertThat(RetryAfter.parse("-5")).isEmpty();
        assertThat(RetryAfter.parse("1.5")).isEmpty();
        assertThat(RetryAfter.parse(null)).isEmpty();
    }
}
