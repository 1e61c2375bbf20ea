package io.seglift.sync;

import io.seglift.config.ChangeLimits;
import io.seglift.config.SyncConfig;
import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.destination.hubspot.sandbox.HubSpotSandboxApi;
import io.seglift.destination.klaviyo.sandbox.KlaviyoSandboxApi;
import io.seglift.destination.webhook.sandbox.WebhookReceiverApi;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.WireMockSandbox;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunStatus;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure request, end to end for every destination: customers synced by a mirror run are deleted from the
 * customers table, the segment is rebuilt, and the next mirror run takes them out of the vendor's audience (in the
 * vendor's sandbox), using only what {@code sync_state} kept to find them again (record id, profile id, hashes).
 */
class ErasureAcrossDestinationsTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 8);
    private static final int CUSTOMERS = 40;

    @TempDir
    Path dir;

    @Test
    void hubspot() {
        HubSpotSandboxApi api = new HubSpotSandboxApi();
        erase("hubspot", api, url -> Map.of("base_url", url, "token", Secret.of("${env:HUBSPOT_TOKEN}", "pat-test")),
                api::memberEmailsOfList, audience -> api.memberEmailsOfList(audience).size());
    }

    @Test
    void klaviyo() {
        KlaviyoSandboxApi api = new KlaviyoSandboxApi("pk_test"::equals);
        erase("klaviyo", api, url -> Map.of("base_url", url, "api_key", Secret.of("${env:K}", "pk_test"),
                "job_poll_interval", "10ms"), null, api::memberCount);
    }

    @Test
    void facebook() {
        FacebookSandboxApi api = new FacebookSandboxApi("EAAB-test"::equals);
        erase("facebook", api, url -> Map.of("base_url", url, "access_token", Secret.of("${env:T}", "EAAB-test"),
                "ad_account_id", "act_42"), null, audience -> api.members(audience).size());
        assertThat(api.unhashedValuesReceived()).isZero();
    }

    @Test
    void webhook() {
        WebhookReceiverApi api = new WebhookReceiverApi("whsec", Clock.systemUTC());
        erase("webhook", api, url -> Map.of("base_url", url, "signing_secret", Secret.of("${env:S}", "whsec")),
                null, audience -> api.members(audience).size());
    }

    private void erase(String type, SandboxApi api, Function<String, Map<String, Object>> settings,
                       Function<String, java.util.List<String>> emailsIn, ToIntFunction<String> membersIn) {
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift");
             WireMockSandbox sandbox = WireMockSandbox.start(api, SandboxOptions.defaults())) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, CUSTOMERS);
            SyncFixture.build(w, D1, 1, CUSTOMERS);
            Settings s = new Settings("crm", type, settings.apply(sandbox.baseUrl().toString()));
            SyncEngine engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
            var project = SyncFixture.project(dir, SyncFixture.segment(true), sync, s, Optional.empty());

            RunSummary first = engine.run(project, sync, w, Destinations.discover());
            assertThat(first.status()).as("first run: %s", first.error()).isEqualTo(RunStatus.SUCCEEDED);
            String audience = new RunHistory(w).find(first.runId()).orElseThrow().audienceId();
            int before = membersIn.applyAsInt(audience);
            assertThat(before).isEqualTo((int) first.added()).isPositive();
            String erased = w.queryList("SELECT customer_key FROM seglift.sync_state WHERE status = 'synced'"
                    + " ORDER BY customer_key LIMIT 2", java.util.List.of(), r -> r.string("customer_key"))
                    .stream().reduce((a, b) -> a + "," + b).orElseThrow();
            if (emailsIn != null) {
                assertThat(emailsIn.apply(audience)).contains(emailsOf(erased));
            }

            w.execute("DELETE FROM raw.customers WHERE id IN (" + erased + ")");
            SyncFixture.build(w, D2, 1, CUSTOMERS);
            RunSummary second = engine.run(project, sync, w, Destinations.discover());

            assertThat(second.status()).as("second run: %s", second.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(second.removed()).isEqualTo(2);
            assertThat(membersIn.applyAsInt(audience)).as("%s audience after the erasure", type).isEqualTo(before - 2);
            if (emailsIn != null) {
                assertThat(emailsIn.apply(audience)).doesNotContain(emailsOf(erased));
            }
        }
    }

    private static String[] emailsOf(String keys) {
        return java.util.Arrays.stream(keys.split(",")).map(k -> "c" + k + "@example.com").toArray(String[]::new);
    }
}
