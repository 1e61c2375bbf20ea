package io.seglift.demo;

import io.seglift.sandbox.RollingWindowLimit;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxProvider;
import io.seglift.sandbox.SandboxProviders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo environment is derived from the sandbox providers, never from a list of vendors. */
class DemoEnvironmentTest {

    @Test
    void variablesAreEachProvidersCredentialsAndBaseUrlOnItsDefaultPort() {
        DemoEnvironment env = new DemoEnvironment(new SandboxProviders(List.of(
                new FakeProvider("zeta-crm", 19002, Map.of("ZETA_KEY", "demo-zeta")),
                new FakeProvider("alpha", 19001, Map.of("ALPHA_TOKEN", "demo-alpha")))));

        assertThat(env.variables()).containsExactly(
                Map.entry("ALPHA_TOKEN", "demo-alpha"), Map.entry("ALPHA_BASE_URL", "http://127.0.0.1:19001"),
                Map.entry("ZETA_KEY", "demo-zeta"), Map.entry("ZETA_CRM_BASE_URL", "http://127.0.0.1:19002"));
    }

    @Test
    void fillKeepsWhatTheCallerSetAndAddsTheRest() {
        DemoEnvironment env = new DemoEnvironment(new SandboxProviders(List.of(
                new FakeProvider("alpha", 19001, Map.of("ALPHA_TOKEN", "demo-alpha")))));

        assertThat(env.fill(Map.of("ALPHA_BASE_URL", "http://127.0.0.1:7"))).containsExactly(
                Map.entry("ALPHA_BASE_URL", "http://127.0.0.1:7"), Map.entry("ALPHA_TOKEN", "demo-alpha"));
    }

    @Test
    void demoEnvFileExportsTheProvidersVariables(@TempDir Path dir) throws IOException {
        DemoEnvironment env = new DemoEnvironment(new SandboxProviders(List.of(
                new FakeProvider("alpha", 19001, Map.of("ALPHA_TOKEN", "demo-alpha")))));

        Path file = env.writeTo(dir);

        assertThat(file).isEqualTo(dir.resolve(DemoEnvironment.FILE_NAME));
        assertThat(Files.readAllLines(file)).filteredOn(l -> !l.startsWith("#"))
                .containsExactly("export ALPHA_TOKEN=demo-alpha", "export ALPHA_BASE_URL=http://127.0.0.1:19001");
    }

    @Test
    void everyVariableTheDemoProjectReadsComesFromADiscoveredProvider() throws IOException {
        Map<String, String> discovered = DemoEnvironment.defaults();
        String template;
        try (InputStream in = DemoProject.class.getResourceAsStream("seglift-demo.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("\\$\\{env:([A-Z0-9_]+)}").matcher(template);
        int read = 0;
        while (m.find()) {
            read++;
            assertThat(discovered).as("demo.env variables").containsKey(m.group(1));
        }
        assertThat(read).isPositive();
        for (SandboxProvider p : SandboxProviders.discover().all()) {
            assertThat(discovered).containsEntry(p.baseUrlVariable(), "http://127.0.0.1:" + p.defaultPort())
                    .containsAllEntriesOf(p.demoCredentials());
        }
    }

    /** A provider that is never started: only its declarations are read. */
    private record FakeProvider(String type, int defaultPort, Map<String, String> demoCredentials)
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
