package io.seglift.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

import static io.seglift.config.TestLoaders.loader;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code alerts:} block: defaults, kinds, the URL rule, secrets only by reference, positions of problems. */
class AlertsConfigReadTest {
    private static final String SECRET = "whsec-very-secret-signing-key";
    private static final Map<String, String> ENV = Map.of("ALERT_SECRET", SECRET);

    @TempDir
    Path dir;

    @Test
    void withoutABlockNothingIsSent() throws IOException {
        ProjectConfig p = loader(ENV).read(write("")).orThrow();
        assertThat(p.alerts()).isEqualTo(AlertsConfig.NONE);
        assertThat(p.alerts().sends(AlertKind.SYNC_FAILED)).isFalse();
    }

    @Test
    void aMinimalBlockHasDocumentedDefaults() throws IOException {
        ProjectConfig p = loader(ENV).read(write("""
                alerts:
                  webhook: {url: "https://hooks.example.com/seglift", secret: "${env:ALERT_SECRET}"}
                """)).orThrow();
        AlertsConfig a = p.alerts();
        assertThat(a.webhook().get().url().toString()).isEqualTo("https://hooks.example.com/seglift");
        assertThat(a.webhook().get().secret().reveal()).isEqualTo(SECRET);
        assertThat(a.on()).isEqualTo(EnumSet.allOf(AlertKind.class));
        assertThat(a.rejectedShareAbove()).isEqualTo(0.05);
        assertThat(a.maxAttempts()).isEqualTo(5);
        assertThat(a.giveUpAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.toString()).doesNotContain(SECRET);
    }

    @Test
    void everyKeyIsRead() throws IOException {
        AlertsConfig a = loader(ENV).read(write("""
                alerts:
                  webhook: {url: "http://127.0.0.1:9000/hook", secret: "${env:ALERT_SECRET}"}
                  on: [sync_failed, lift_verdict_change]
                  rejected_share_above: 10%
                  max_attempts: 3
                  give_up_after: 30s
                """)).orThrow().alerts();
        assertThat(a.on()).containsExactly(AlertKind.SYNC_FAILED, AlertKind.LIFT_VERDICT_CHANGE);
        assertThat(a.sends(AlertKind.REJECTED_SHARE)).isFalse();
        assertThat(a.rejectedShareAbove()).isEqualTo(0.10);
        assertThat(a.maxAttempts()).isEqualTo(3);
        assertThat(a.giveUpAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void problemsNameTheLineTheFieldAndWhatIsAllowed() throws IOException {
        var problems = loader(ENV).read(write("""
                alerts:
                  webhook: {url: "http://hooks.example.com/x", secret: literal-secret-value}
                  on: [sync_failed, sync_fialed]
                  rejected_share_abov: 5%
                  max_attempts: 50
                """)).problems();
        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("alerts.webhook.url",
                "alerts.webhook.secret", "alerts.on[1]", "alerts.rejected_share_abov", "alerts.max_attempts");
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isBetween(7, 11));
        assertThat(problems.toString()).doesNotContain("literal-secret-value");
        assertThat(byPath(problems, "alerts.webhook.url")).contains("https", "127.0.0.1");
        assertThat(byPath(problems, "alerts.on[1]")).contains("did you mean 'sync_failed'");
        assertThat(byPath(problems, "alerts.rejected_share_abov")).contains("did you mean 'rejected_share_above'");
        assertThat(byPath(problems, "alerts.max_attempts")).contains("1 to 10");
    }

    @Test
    void aSecretIsRequiredAndAnUnsetVariableIsNamed() throws IOException {
        var missing = loader(ENV).read(write("""
                alerts:
                  webhook: {url: "https://hooks.example.com/x"}
                """)).problems();
        assertThat(missing).extracting(Problem::path).containsExactly("alerts.webhook.secret");
        var unset = loader(Map.of()).read(write("""
                alerts:
                  webhook: {url: "https://hooks.example.com/x", secret: "${env:ALERT_SECRET}"}
                """)).problems();
        assertThat(unset).singleElement().satisfies(p -> assertThat(p.message()).contains("ALERT_SECRET"));
    }

    private static String byPath(java.util.List<Problem> problems, String path) {
        return problems.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().message();
    }

    private Path write(String alerts) throws IOException {
        Path file = dir.resolve("seglift.yaml");
        Files.writeString(file, """
                project: acme
                warehouse: {type: duckdb}
                sources:
                  customers: {table: raw.customers, key: customer_id}
                  orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
                """ + alerts);
        return file;
    }
}
