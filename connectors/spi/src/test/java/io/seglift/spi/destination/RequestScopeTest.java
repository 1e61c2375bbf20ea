package io.seglift.spi.destination;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestScopeTest {

    @Test
    void matchesMethodAndPathPatternAtTheEndOfThePath() {
        RequestScope create = RequestScope.of("post", "/api/lists");
        assertThat(create.matches("POST", "/api/lists")).isTrue();
        assertThat(create.matches("POST", "/sandbox/base/api/lists")).as("base path tolerated").isTrue();
        assertThat(create.matches("GET", "/api/lists")).isFalse();
        assertThat(create.matches("POST", "/api/lists/L1/relationships/profiles")).isFalse();

        RequestScope relationships = RequestScope.path("/api/lists/*/relationships/**");
        assertThat(relationships.matches("DELETE", "/api/lists/L1/relationships/profiles")).isTrue();
        assertThat(relationships.matches("POST", "/api/lists/L1/relationships")).isTrue();
        assertThat(relationships.matches("POST", "/api/lists")).isFalse();

        assertThat(RequestScope.ALL.matches("PUT", "/anything/at/all")).isTrue();
        assertThat(RequestScope.ALL.matches("GET", "")).isTrue();
        assertThat(RequestScope.ALL.all()).isTrue();
        assertThat(relationships.all()).isFalse();
    }
}
