package io.seglift.cli;

import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seglift validate} runs each connector's own checks and accepts only http(s) destination URLs. */
class ValidateConnectorChecksTest {
    @TempDir
    Path dir;

    private CliRun validate(String destination) throws IOException {
        Path file = dir.resolve("seglift.yaml");
        Files.writeString(file, """
                project: acme
                warehouse: {type: duckdb}
                sources:
                  customers: {table: raw.customers, key: customer_id}
                  orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
                destinations:
                """ + destination);
        Session session = new Session(Warehouses.discover(), Destinations.discover(), Map.of("SECRET", "s3cr3t-value"),
                CliRun.CLOCK, Progress.NONE);
        return CliRun.run(session, "validate", "--project", file.toString());
    }

    @Test
    void aWebhookBatchAboveTheConnectorsLimitFailsValidateWithItsLine() throws IOException {
        CliRun r = validate("""
                  hook:
                    type: webhook
                    base_url: http://127.0.0.1:9/hook
                    signing_secret: ${env:SECRET}
                    max_batch_size: 20000
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).contains("seglift.yaml:11:21: destinations.hook.max_batch_size: 20000 is out of range "
                + "(allowed: 1 to 10000)");
    }

    @Test
    void aWebhookBatchWithinTheLimitIsValid() throws IOException {
        CliRun r = validate("""
                  hook:
                    type: webhook
                    base_url: http://127.0.0.1:9/hook
                    signing_secret: ${env:SECRET}
                    max_batch_size: 10000
                """);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }

    @Test
    void aFileUrlIsRefusedAsABaseUrl() throws IOException {
        CliRun r = validate("""
                  hook:
                    type: webhook
                    base_url: file:///etc/passwd
                    signing_secret: ${env:SECRET}
                  crm:
                    type: hubspot
                    token: ${env:SECRET}
                    base_url: ftp://example.invalid/x
                """);
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).contains("seglift.yaml:9:15: destinations.hook.base_url: 'file:///etc/passwd' is not allowed "
                        + "here (allowed: http or https")
                .contains("seglift.yaml:14:15: destinations.crm.base_url: 'ftp://example.invalid/x' is not allowed");
    }

    @Test
    void facebookAndKlaviyoChecksRunInValidate() throws IOException {
        CliRun r = validate("""
                  ads:
                    type: facebook
                    access_token: ${env:SECRET}
                    ad_account_id: act_12ab
                  mail:
                    type: klaviyo
                    api_key: ${env:SECRET}
                    job_poll_interval: 30s
                    job_timeout: 10s
                """);
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).contains("seglift.yaml:10:20: destinations.ads.ad_account_id: 'act_12ab' is not an ad account id")
                .contains("seglift.yaml:15:18: destinations.mail.job_timeout: PT10S is shorter than job_poll_interval");
    }
}
