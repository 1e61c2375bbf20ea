package io.seglift.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Providers declare their own port and variables; two that collide are refused with both names. */
class SandboxProvidersTest {

    @Test
    void baseUrlVariableAndEnvironmentFollowFromTheDeclarations() {
        SandboxProvider p = new Declared("acme-crm", 19010, Map.of("ACME_TOKEN", "demo-acme"));

        assertThat(p.baseUrlVariable()).isEqualTo("ACME_CRM_BASE_URL");
        assertThat(p.defaultBaseUrl()).hasToString("http://127.0.0.1:19010");
        assertThat(p.demoEnvironment(java.net.URI.create("http://127.0.0.1:5"))).containsExactly(
                Map.entry("ACME_TOKEN", "demo-acme"), Map.entry("ACME_CRM_BASE_URL", "http://127.0.0.1:5"));
    }

    @Test
    void listsProvidersByType() {
        SandboxProviders providers = new SandboxProviders(List.of(new Declared("b", 19012, Map.of()),
                new Declared("a", 19011, Map.of())));

        assertThat(providers.types()).containsExactly("a", "b");
        assertThat(providers.all()).extracting(SandboxProvider::type).containsExactly("a", "b");
    }

    @Test
    void refusesTwoProvidersOnOnePort() {
        assertThatThrownBy(() -> new SandboxProviders(List.of(new Declared("a", 19011, Map.of()),
                new Declared("b", 19011, Map.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'a' and 'b' both declare default port 19011");
    }

    @Test
    void refusesTwoProvidersReadingOneVariable() {
        assertThatThrownBy(() -> new SandboxProviders(List.of(new Declared("a", 19011, Map.of("TOKEN", "x")),
                new Declared("b", 19012, Map.of("TOKEN", "y")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both declare environment variable TOKEN");
    }

    private record Declared(String type, int defaultPort, Map<String, String> demoCredentials)
            implements SandboxProvider {
        @Override
        public RollingWindowLimit documentedLimit() {
            return new RollingWindowLimit(1, Duration.ofSeconds(1));
        }

        @Override
        public Sandbox start(SandboxOptions options) {
            throw new UnsupportedOperationException("declarations only");
        }
    }
}
