package io.seglift.sync;

import io.seglift.scoring.segments.ProfileView;
import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.destination.klaviyo.sandbox.KlaviyoSandboxApi;
import io.seglift.sandbox.Fault;
import io.seglift.sandbox.FaultPlan;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.sandbox.SandboxStats;
import io.seglift.sandbox.WireMockSandbox;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.runs.RunHistory;
import io.seglift.sync.runs.RunRecord;
import io.seglift.sync.runs.RunStatus;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.seglift.destination.webhook.sandbox.WebhookReceiverApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Klaviyo, Facebook and webhook destinations each sync a 100,000-member segment through the engine to their
 * sandbox while seeded faults hit 10% (429 / throttle), 3% (5xx) and 1% (connection reset) of requests (Facebook,
 * whose ten 10,000-row batches make one call each: 20%, 10%, 5%; Klaviyo, three calls per push: 15%, 5%, 2%); nothing is lost and the run
 * history accounts for every member. Waits the destinations ask for are recorded, and slept for at
 * most 50 ms each (Facebook announces throttles in whole minutes). Run: {@code mvn -B -pl sync -am test
 * -Dtest=DestinationsHundredThousandSyncTest -Dsurefire.failIfNoSpecifiedTests=false} once the build has a way to
 * include tag {@code slow}; until then through the JUnit launcher on the sync test class path (docs/benchmarks.md).
 */
@Tag("slow")
class DestinationsHundredThousandSyncTest {
    private static final int MEMBERS = 100_000;

    @TempDir
    Path dir;

    @Test
    void klaviyo() {
        KlaviyoSandboxApi api = new KlaviyoSandboxApi("pk_test"::equals);
        run("klaviyo", api, url -> Map.of("base_url", url, "api_key", Secret.of("${env:K}", "pk_test"),
                "job_poll_interval", "10ms"), audience -> api.memberCount(audience));
    }

    @Test
    void facebook() {
        FacebookSandboxApi api = new FacebookSandboxApi("EAAB-test"::equals);
        run("facebook", api, url -> Map.of("base_url", url, "access_token", Secret.of("${env:T}", "EAAB-test"),
                "ad_account_id", "act_42", "requests_per_minute", "600"), audience -> api.members(audience).size());
        assertThat(api.unhashedValuesReceived()).isZero();
    }

    @Test
    void webhook() {
        WebhookReceiverApi api = new WebhookReceiverApi("whsec", Clock.systemUTC());
        run("webhook", api, url -> Map.of("base_url", url, "signing_secret", Secret.of("${env:S}", "whsec")),
                audience -> api.members(audience).size());
    }

    private static FaultPlan plan(double throttled, double serverError, double reset) {
        return FaultPlan.none().withRateLimited(throttled, Duration.ofSeconds(2)).withServerError(serverError)
                .withConnectionReset(reset).withSeed(2026);
    }

    private void run(String type, SandboxApi api, java.util.function.Function<String, Map<String, Object>> settings,
                     ToIntFunction<String> membersIn) {
        FaultPlan faults = switch (type) {
            case "facebook" -> plan(0.20, 0.10, 0.05);
            case "klaviyo" -> plan(0.15, 0.05, 0.02);
            default -> plan(0.10, 0.03, 0.01);
        };
        AtomicLong waits = new AtomicLong();
        AtomicLong waitedFor = new AtomicLong();
        try (Warehouse w = DuckDbWarehouseFactory.inMemory("seglift");
             WireMockSandbox sandbox = WireMockSandbox.start(api, SandboxOptions.defaults().withFaults(faults))) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, MEMBERS);
            SyncFixture.build(w, LocalDate.of(2026, 11, 1), 1, MEMBERS);
            SyncFixture.suppress(w, 7, 77, 777, 7777, 77777);
            Settings s = new Settings("crm", type, settings.apply(sandbox.baseUrl().toString()));
            EngineOptions options = EngineOptions.defaults().withSleeper(d -> {
                waits.incrementAndGet();
                waitedFor.addAndGet(d.toMillis());
                Thread.sleep(Math.min(50, Math.max(0, d.toMillis())));
            });
            long t0 = System.nanoTime();
            RunSummary summary = new SyncEngine(options, ProfileView::sql).run(SyncFixture.project(dir, SyncFixture.segment(true),
                    HubSpotSync.sync(), s, Optional.empty()), HubSpotSync.sync(), w, Destinations.discover());
            double seconds = (System.nanoTime() - t0) / 1e9;

            RunRecord run = new RunHistory(w).find(summary.runId()).orElseThrow();
            String audience = run.audienceId();
            long results = w.queryLong("SELECT COUNT(*) FROM seglift.sync_results WHERE run_id = ?", summary.runId());
            SandboxStats st = sandbox.stats();
            System.out.println(String.format(Locale.ROOT, "%s 100k via engine: %.1f s; run %s; added %d, rejected %d,"
                            + " held out %d, suppressed %d, no identifier %d, no consent %d; calls %d (retries %d);"
                            + " sandbox %d requests, injected 429 %d, 5xx %d, resets %d; in audience %d;"
                            + " %d waits asked for, %.0f s in total", type, seconds, summary.status(), run.added(),
                    summary.rejected(), run.heldOut(), run.suppressed(), run.noIdentifier(), run.noConsent(),
                    summary.calls(), summary.callRetries(), st.requests(), st.injected(Fault.RATE_LIMITED),
                    st.injected(Fault.SERVER_ERROR), st.injected(Fault.CONNECTION_RESET),
                    audience == null ? -1 : membersIn.applyAsInt(audience), waits.get(), waitedFor.get() / 1000.0));
            assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(membersIn.applyAsInt(audience)).isEqualTo((int) run.added());
            assertThat(results).isEqualTo(run.added());
            assertThat(run.added() + run.heldOut() + run.suppressed() + run.noIdentifier() + run.noConsent())
                    .isEqualTo(MEMBERS);
            assertThat(summary.callRetries()).isPositive();
        }
    }
}
