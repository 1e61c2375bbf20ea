package io.seglift.cli;

import io.seglift.destination.facebook.sandbox.FacebookSandboxApi;
import io.seglift.destination.facebook.sandbox.FacebookSandboxProvider;
import io.seglift.sandbox.Sandbox;
import io.seglift.sandbox.SandboxOptions;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.sync.SyncFixture;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seglift sync} to the Facebook sandbox with a {@code lookalike:} block: the first sync of a small audience
 * creates no lookalike and says so in {@code runs show}; once the segment has filled the audience, the next sync
 * creates the lookalike, and the one after does not create it again. {@code validate} places a bad block at its line.
 */
class LookalikeCliTest {
    @TempDir
    Path dir;
    private Sandbox sandbox;
    private Path file;
    private Session session;

    @BeforeEach
    void setUp() throws Exception {
        try (Warehouse w = warehouse()) {
            SyncFixture.createTables(w);
            SyncFixture.customers(w, 300);
            SyncFixture.build(w, LocalDate.of(2026, 11, 1), 1, 60);
        }
        sandbox = new FacebookSandboxProvider().start(SandboxOptions.defaults());
        file = dir.resolve("seglift.yaml");
        Files.writeString(file, project("{ratio: 0.01, countries: [US]}"));
        session = new Session(Warehouses.discover(), Destinations.discover(), Map.of("FACEBOOK_ACCESS_TOKEN", "EAAB-test"),
                CliRun.CLOCK, Progress.NONE);
    }

    private Warehouse warehouse() {
        return DuckDbWarehouseFactory.open("jdbc:duckdb:" + dir.resolve("acme.duckdb"), "seglift",
                new Settings("w", "duckdb", Map.of()));
    }

    private String project(String lookalike) {
        return """
                project: acme
                warehouse: {type: duckdb, path: ./acme.duckdb}
                sources:
                  customers:
                    table: raw.customers
                    key: id
                    email: email
                    phone: phone
                    consent: {email: email_ok, sms: sms_ok, dnd: dnd}
                  orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
                segments:
                  lapsed:
                    rule: "recency_days > 90"
                    holdout: 10%
                    brief:
                      channel: [meta]
                      hypothesis: Lapsed buyers come back when they see an ad.
                      success_metric: {name: reactivated_30d, outcome: purchase, window_days: 30, target: +3pp}
                      owner: growth@acme.example
                destinations:
                  meta:
                    type: facebook
                    access_token: ${env:FACEBOOK_ACCESS_TOKEN}
                    ad_account_id: act_42
                    base_url: BASE_URL
                    lookalike: LOOKALIKE
                syncs:
                  - {name: lapsed_to_meta, segment: lapsed, destination: meta, mode: mirror, max_addition_share: 1000%}
                """.replace("BASE_URL", sandbox.baseUrl().toString()).replace("LOOKALIKE", lookalike);
    }

    /** The same project with no lookalike on the destination block; {@code lapsed_to_meta} declares its own. */
    private String projectWithSyncLookalike(String lookalike) {
        return project("{ratio: 0.01, countries: [US]}")
                .replace("    lookalike: {ratio: 0.01, countries: [US]}\n", "")
                .replace("  - {name: lapsed_to_meta, segment: lapsed, destination: meta, mode: mirror, max_addition_share: 1000%}\n",
                        """
                          - name: lapsed_to_meta
                            segment: lapsed
                            destination: meta
                            mode: mirror
                            max_addition_share: 1000%
                            lookalike: LOOKALIKE
                          - {name: lapsed_plain, segment: lapsed, destination: meta, mode: mirror, max_addition_share: 1000%}
                          - {name: lapsed_hook, segment: lapsed, destination: hook, mode: mirror, lookalike: {ratio: 0.01, countries: [US]}}
                        """.replace("LOOKALIKE", lookalike))
                .replace("syncs:\n", """
                          hook:
                            type: webhook
                            base_url: http://127.0.0.1:9/hook
                            signing_secret: ${env:FACEBOOK_ACCESS_TOKEN}
                        syncs:
                        """);
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-p";
        all[args.length + 1] = file.toString();
        return CliRun.run(session, all);
    }

    private String lastRunShown() {
        CliRun runs = run("runs");
        String runId = runs.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        return run("runs", "show", runId).out();
    }

    @Test
    void theLookalikeIsCreatedAfterTheAudienceFilledAndNotCreatedTwice() throws Exception {
        FacebookSandboxApi api = (FacebookSandboxApi) sandbox.api();
        CliRun first = run("sync", "lapsed_to_meta");
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCode.OK);
        assertThat(api.lookalikesCreated()).isZero();
        assertThat(lastRunShown()).contains("warning: lookalike not created yet").contains("at least 100");

        try (Warehouse w = warehouse()) {
            SyncFixture.build(w, LocalDate.of(2026, 11, 2), 1, 300);
        }
        CliRun filled = run("sync", "lapsed_to_meta");
        assertThat(filled.exitCode()).as(filled.out() + filled.err()).isEqualTo(ExitCode.OK);
        assertThat(api.lookalikesCreated()).isEqualTo(1);
        assertThat(lastRunShown()).contains("warning: lookalike ").contains("lookalike 1% US\" created from audience");

        CliRun again = run("sync", "lapsed_to_meta");
        assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(api.lookalikesCreated()).as("not created twice").isEqualTo(1);
        assertThat(lastRunShown()).doesNotContain("lookalike").doesNotContain("@example.com");
    }

    @Test
    void validatePlacesABadLookalikeBlockAtItsLineAndSaysWhatIsAllowed() throws Exception {
        Files.writeString(file, project("{ratio: 0.5, countries: [UK]}"));
        CliRun r = run("validate");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).contains("seglift.yaml:26:16: ").contains("destinations.meta.lookalike: ratio 0.5 is not allowed"
                        + " (allowed: 0.01 to 0.20 in steps of 0.01")
                .contains("countries: 'UK' is not an ISO 3166-1 alpha-2 country code (did you mean GB?)");
    }

    @Test
    void aSyncDeclaresItsOwnLookalikeAndOnlyThatSyncGetsOne() throws Exception {
        Files.writeString(file, projectWithSyncLookalike("{ratio: 0.02, countries: [US]}").replace(
                "  - {name: lapsed_hook, segment: lapsed, destination: hook, mode: mirror, lookalike: {ratio: 0.01, countries: [US]}}\n", ""));
        FacebookSandboxApi api = (FacebookSandboxApi) sandbox.api();
        try (Warehouse w = warehouse()) {
            SyncFixture.build(w, LocalDate.of(2026, 11, 2), 1, 300);
        }
        CliRun plain = run("sync", "lapsed_plain");
        assertThat(plain.exitCode()).as(plain.out() + plain.err()).isEqualTo(ExitCode.OK);
        assertThat(api.lookalikesCreated()).as("the destination block declares none").isZero();

        CliRun own = run("sync", "lapsed_to_meta");
        assertThat(own.exitCode()).as(own.out() + own.err()).isEqualTo(ExitCode.OK);
        assertThat(api.lookalikesCreated()).isEqualTo(1);
        assertThat(lastRunShown()).contains("lookalike 2% US\" created from audience");
    }

    @Test
    void validatePlacesASyncsBadLookalikeAtItsLineAndRefusesItForOtherDestinationTypes() throws Exception {
        Files.writeString(file, projectWithSyncLookalike("{ratio: 0.5, countries: [US]}"));
        CliRun r = run("validate");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).contains("lookalike: ratio 0.5 is not allowed (allowed: 0.01 to 0.20 in steps of 0.01")
                .contains("destination 'hook' is of type webhook, which takes no lookalike");
    }
}
