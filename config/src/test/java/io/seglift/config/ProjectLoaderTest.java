package io.seglift.config;

import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.seglift.config.TestLoaders.TOKEN;
import static io.seglift.config.TestLoaders.loader;
import static io.seglift.config.TestLoaders.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theFullExampleFromTheDocsLoads() {
        ProjectLoader.Result result = loader().read(resource("full-example.yaml"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        ProjectConfig p = result.orThrow();

        assertThat(p.project()).isEqualTo("acme");
        assertThat(p.warehouse().type()).isEqualTo("duckdb");
        assertThat(p.warehouse().schema()).isEqualTo("seglift");
        assertThat(p.warehouse().settings().string("path")).contains("./acme.duckdb");
        var customers = p.sources().customers();
        assertThat(customers.table().toString()).isEqualTo("raw.customers");
        assertThat(customers.key()).isEqualTo("customer_id");
        assertThat(customers.identifiers()).containsEntry(IdentifierType.EMAIL, "email")
                .containsEntry(IdentifierType.PHONE, "phone").containsEntry(IdentifierType.FIRST_NAME, "first_name");
        assertThat(customers.createdAt()).contains("signup_at");
        assertThat(customers.consent().dnd()).contains("do_not_disturb");
        assertThat(customers.consent().ads()).contains("ads_opt_in");
        var orders = p.sources().orders();
        assertThat(orders.amount()).contains("total");
        assertThat(orders.quantity()).isEmpty();
        assertThat(orders.rules().countBy()).isEqualTo(OrderRules.CountBy.ORDER);
        assertThat(orders.rules().cancelledWhen()).contains("status = 'cancelled'");
        assertThat(orders.rules().cancellations()).isEqualTo(OrderRules.Cancellations.EXCLUDE);
        assertThat(p.sources().events().get().openValues()).containsExactly("open");
        assertThat(p.sources().suppressions().get().customer()).isEqualTo("customer_id");

        assertThat(p.scoring().audit()).isEqualTo(new AuditConfig(2, 12, 1000, 6));
        assertThat(p.scoring().rfm().segmentMap()).extracting(RfmConfig.RfmSegmentRule::name).containsExactly("Champions");
        ModelConfig churn = p.scoring().models().get("churn_90d");
        assertThat(churn.target().kind()).isEqualTo(ModelConfig.Target.Kind.CHURN);
        assertThat(churn.target().horizonDays()).isEqualTo(90);
        assertThat(churn.features()).contains("engagement", "rfm");
        assertThat(churn.sqlFeatures()).containsEntry("is_vip", "c.vip");
        assertThat(churn.params()).containsEntry("max_depth", 4L).containsEntry("eta", 0.1);

        SegmentConfig lapsed = p.segment("lapsed_reengage").orElseThrow();
        assertThat(lapsed.holdoutFraction()).isEqualTo(0.10);
        assertThat(lapsed.syncable()).isTrue();
        assertThat(lapsed.brief().get().channel()).containsExactly("hubspot_crm");
        SuccessMetric metric = lapsed.brief().get().successMetric().get();
        assertThat(metric.outcome()).contains(SuccessMetric.Outcome.PURCHASE);
        assertThat(metric.target().get().value()).isEqualTo(0.03, org.assertj.core.data.Offset.offset(1e-12));

        DestinationConfig hub = p.destination("hubspot_crm").orElseThrow();
        assertThat(hub.settings().requireSecret("token").reveal()).isEqualTo(TOKEN);
        assertThat(hub.settings().string("base_url")).contains("http://localhost:8089");
        assertThat(hub.settings().integer("batch_size", 0)).isEqualTo(100);
        assertThat(hub.rateLimit().get().requests()).isEqualTo(100);
        assertThat(hub.rateLimit().get().period()).isEqualTo(Duration.ofSeconds(10));

        SyncConfig sync = p.sync("lapsed_to_hubspot").orElseThrow();
        assertThat(sync.mode()).isEqualTo(SyncMode.MIRROR);
        assertThat(sync.schedule()).contains("0 6 * * *");
        assertThat(sync.fields()).containsEntry("seglift_rfm_segment", "rfm_segment");
        assertThat(sync.changeLimits()).isEqualTo(new ChangeLimits(0.30, 0.50));
    }

    @Test
    void fiveMistakesYieldFiveProblemsEachOnItsLine() {
        List<Problem> problems = loader().read(resource("five-mistakes.yaml")).problems();
        problems.forEach(System.out::println);

        assertThat(problems).hasSize(5);
        assertThat(problems).extracting(Problem::line).containsExactly(11, 19, 21, 29, 35);
        assertThat(problems.get(0).path()).isEqualTo("sources.orders.table");
        assertThat(problems.get(0).message()).contains("'raw.orders; drop table y' is not a valid table name");
        assertThat(problems.get(1).path()).isEqualTo("segments.lapsed.holdout");
        assertThat(problems.get(1).message()).contains("outside 0 to 50%");
        assertThat(problems.get(2).path()).isEqualTo("segments.lapsed.brief.channel[0]");
        assertThat(problems.get(2).message()).contains("unknown destination 'hubspot_crn'", "did you mean 'hubspot_crm'?");
        assertThat(problems.get(3).path()).isEqualTo("destinations.hubspot_crm.token");
        assertThat(problems.get(3).message()).contains("${env:NAME}").doesNotContain("pat-na1-0123-literal-token");
        assertThat(problems.get(4).path()).isEqualTo("syncs[0].shedule");
        assertThat(problems.get(4).message()).contains("unknown key 'shedule'", "did you mean 'schedule'?");
        assertThat(problems.get(4).column()).isEqualTo(5);
        assertThat(problems.get(0).toString()).startsWith("five-mistakes.yaml:11:12: sources.orders.table: ");
    }

    @Test
    void secretsAreResolvedButNeverPrinted() throws IOException {
        ProjectConfig p = loader().load(resource("full-example.yaml"));
        Secret token = p.destination("hubspot_crm").get().settings().requireSecret("token");
        assertThat(token.source()).isEqualTo("${env:HUBSPOT_TOKEN}");
        assertThat(p.toString()).doesNotContain(TOKEN).contains("****(${env:HUBSPOT_TOKEN})");
        assertThat(p.destination("hubspot_crm").get().toString()).doesNotContain(TOKEN);

        Files.writeString(dir.resolve("token.txt"), "  " + TOKEN + "\n");
        Path file = write(minimal() + """
                destinations:
                  crm:
                    type: hubspot
                    token: ${file:token.txt}
                """);
        Secret fromFile = loader(Map.of()).load(file).destination("crm").get().settings().requireSecret("token");
        assertThat(fromFile.reveal()).isEqualTo(TOKEN);
        assertThat(fromFile.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aSecretFileOutsideTheProjectFolderIsRefusedUnlessItsFolderIsAllowed() throws IOException {
        Path outside = Files.createTempDirectory("seglift-secrets");
        Files.writeString(outside.resolve("token.txt"), TOKEN);
        Path file = write(minimal() + """
                destinations:
                  crm:
                    type: hubspot
                    token: ${file:%s}
                """.formatted(outside.resolve("token.txt")));
        assertThat(loader(Map.of()).read(file).allProblems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is outside the project folder")
                        .contains("SEGLIFT_SECRET_DIRS").doesNotContain(TOKEN));
        Path passwd = write(minimal().replace("project: acme", "project: ${file:/etc/passwd}"));
        assertThat(loader(Map.of()).read(passwd).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("/etc/passwd is outside the project folder"));
        Path escape = write(minimal().replace("project: acme", "project: ${file:../../etc/hostname}"));
        assertThat(loader(Map.of()).read(escape).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).containsAnyOf("outside the project folder", "does not exist"));

        Secret allowed = loader(Map.of("SEGLIFT_SECRET_DIRS", outside.toString())).load(file).destination("crm")
                .orElseThrow().settings().requireSecret("token");
        assertThat(allowed.reveal()).isEqualTo(TOKEN);
    }

    @Test
    void aLiteralSecretIsRefusedWithoutEchoingIt() throws IOException {
        Path file = write(minimal() + """
                destinations:
                  crm:
                    type: hubspot
                    token: %s
                """.formatted(TOKEN));
        ProjectLoader.Result r = loader().read(file);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("destinations.crm.token");
            assertThat(p.message()).contains("must be written as ${env:NAME} or ${file:PATH}");
        });
        assertThat(r.problems().toString()).doesNotContain(TOKEN);
        assertThatThrownBy(r::orThrow).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        Path mixed = write(minimal() + """
                destinations:
                  crm:
                    type: hubspot
                    token: Bearer ${env:HUBSPOT_TOKEN}
                """);
        assertThat(loader().read(mixed).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).doesNotContain(TOKEN).contains("literal"));
    }

    @Test
    void aSecretReferencedFromANonSecretKeyIsNotEchoed() throws IOException {
        Path file = write(minimal() + """
                destinations:
                  crm:
                    type: hubspot
                    token: ${env:HUBSPOT_TOKEN}
                    batch_size: ${env:HUBSPOT_TOKEN}
                """);
        assertThat(loader().read(file).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("'${env:HUBSPOT_TOKEN}' (resolved) is not a whole number");
            assertThat(p.toString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void aMissingEnvironmentVariableIsNamed() throws IOException {
        Path file = write(minimal() + """
                destinations:
                  crm:
                    type: hubspot
                    token: ${env:NOT_SET_ANYWHERE}
                """);
        ProjectLoader.Result result = loader(Map.of()).read(file);
        assertThat(result.problems()).isEmpty();
        assertThat(result.allProblems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("environment variable NOT_SET_ANYWHERE is not set"));
        DestinationConfig crm = result.orThrow().destination("crm").orElseThrow();
        assertThat(crm.unresolved()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("destinations.crm.token"));
        assertThatThrownBy(crm::requireResolved).isInstanceOf(ConfigException.class)
                .hasMessageContaining(":9:12:").hasMessageContaining("NOT_SET_ANYWHERE");
    }

    @Test
    void aMissingEnvironmentVariableOutsideDestinationsIsAnError() throws IOException {
        Path file = write(minimal().replace("project: acme", "project: ${env:NOT_SET_ANYWHERE}"));
        assertThat(loader(Map.of()).read(file).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("environment variable NOT_SET_ANYWHERE is not set"));
    }

    @Test
    void hostileIdentifiersAreRefused() throws IOException {
        Path file = write("""
                project: acme
                warehouse: {type: duckdb, schema: "seglift; drop schema public"}
                sources:
                  customers: {table: "customers--", key: "id or 1=1"}
                  orders: {table: "a.b.c.d", customer: customer_id, at: "at\\"", amount: total}
                segments:
                  "x; drop table y": {rule: "true"}
                """);
        List<Problem> problems = loader().read(file).problems();
        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("warehouse.schema",
                "sources.customers.table", "sources.customers.key", "sources.orders.table", "sources.orders.at",
                "segments.x; drop table y");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).containsAnyOf("is not a valid identifier",
                "is not a valid table name"));
    }

    @Test
    void unknownKeysGetSuggestionsAtEveryLevel() throws IOException {
        Path file = write("""
                projet: acme
                warehouse: {type: duckdb, pth: ./x.duckdb}
                sources:
                  customers: {table: customers, key: id, emial: email}
                  orders: {table: orders, customer: customer_id, at: at, amount: total, rules: {count_bi: line}}
                """);
        List<Problem> problems = loader().read(file).problems();
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                        .contains("unknown key 'projet'", "did you mean 'project'?"))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'pth'", "did you mean 'path'?"))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'emial'", "did you mean 'email'?"))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'count_bi'", "did you mean 'count_by'?"))
                .anySatisfy(m -> assertThat(m).contains("missing required key 'project'"));
    }

    @Test
    void eachRuleIsChecked() throws IOException {
        Path file = write("""
                project: acme
                warehouse: {type: snowflake}
                sources:
                  customers: {table: customers, key: id}
                  orders: {table: orders, customer: customer_id, at: at, quantity: q,
                           rules: {count_by: invoice, cancellations: refund, drop_non_positive: maybe}}
                scoring:
                  audit: {min_purchases: two}
                  rfm: {bins: 42}
                  models:
                    churn: {target: {churn_within_days: 90, purchase_within_days: 30}, features: [rfm, engagement]}
                segments:
                  a: {rule: "true", holdout: 0.7}
                  b: {rule: "true", brief: {success_metric: {outcome: clicks, target: lots}}}
                destinations:
                  crm: {type: hubspott, token: "${env:HUBSPOT_TOKEN}"}
                  mail: {type: klaviyo, token: "${env:HUBSPOT_TOKEN}", list_kind: smart, batch_size: ten,
                         rate_limit: {requests: 0, per: soon}}
                syncs:
                  - {name: s1, segment: a, destination: crm, mode: sometimes, schedule: "0 6 * *"}
                  - {name: s1, segment: c, destination: mail, schedule: "61 * * * *"}
                project: again
                """);
        List<String> problems = loader().read(file).problems().stream().map(Problem::toString).toList();
        problems.forEach(System.out::println);
        assertThat(problems).anySatisfy(m -> assertThat(m).contains("warehouse.type", "unknown warehouse type 'snowflake'", "available: duckdb"))
                .anySatisfy(m -> assertThat(m).contains("sources.orders.unit_price", "missing"))
                .anySatisfy(m -> assertThat(m).contains("count_by", "unknown value 'invoice'", "allowed: order, line, day"))
                .anySatisfy(m -> assertThat(m).contains("cancellations", "allowed: exclude, net"))
                .anySatisfy(m -> assertThat(m).contains("drop_non_positive", "not a boolean"))
                .anySatisfy(m -> assertThat(m).contains("min_purchases", "'two' is not a whole number"))
                .anySatisfy(m -> assertThat(m).contains("bins", "out of range"))
                .anySatisfy(m -> assertThat(m).contains("several targets"))
                .anySatisfy(m -> assertThat(m).contains("engagement features need sources.events"))
                .anySatisfy(m -> assertThat(m).contains("segments.a.holdout", "outside 0 to 50%"))
                .anySatisfy(m -> assertThat(m).contains("outcome", "allowed: purchase, revenue"))
                .anySatisfy(m -> assertThat(m).contains("target", "allowed: +3pp, +10%, +5.00"))
                .anySatisfy(m -> assertThat(m).contains("destinations.crm.type", "did you mean 'hubspot'?", "available: hubspot, klaviyo"))
                .anySatisfy(m -> assertThat(m).contains("list_kind", "allowed: static, dynamic"))
                .anySatisfy(m -> assertThat(m).contains("batch_size", "not a whole number"))
                .anySatisfy(m -> assertThat(m).contains("rate_limit.requests", "out of range"))
                .anySatisfy(m -> assertThat(m).contains("rate_limit.per", "not a positive duration"))
                .anySatisfy(m -> assertThat(m).contains("syncs[0].mode", "allowed: mirror, add-only, upsert"))
                .anySatisfy(m -> assertThat(m).contains("syncs[0].schedule", "not a valid cron expression"))
                .anySatisfy(m -> assertThat(m).contains("syncs[1].segment", "unknown segment 'c'"))
                .anySatisfy(m -> assertThat(m).contains("syncs[1].schedule", "not a valid cron expression"))
                .anySatisfy(m -> assertThat(m).contains(":22:1: project: duplicate key 'project' (first defined at line 1)"));
    }

    @Test
    void duplicateSyncNamesAreRefused() throws IOException {
        Path file = write(minimal() + """
                segments:
                  a: {rule: "true"}
                destinations:
                  crm: {type: hubspot, token: "${env:HUBSPOT_TOKEN}"}
                syncs:
                  - {name: s1, segment: a, destination: crm}
                  - {name: s1, segment: a, destination: crm, mode: add-only}
                """);
        assertThat(loader().read(file).problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("syncs[1].name");
            assertThat(p.message()).contains("duplicate sync name 's1'", "line");
        });
    }

    @Test
    void defaultsAndIncompleteBriefs() throws IOException {
        Path file = write(minimal() + """
                segments:
                  a: {rule: "true"}
                  b: {rule: "true", holdout: 25%, brief: {channel: crm, owner: team}}
                destinations:
                  crm: {type: hubspot, token: "${env:HUBSPOT_TOKEN}"}
                """);
        ProjectLoader.Result r = loader().read(file);
        ProjectConfig p = r.orThrow();
        assertThat(p.warehouse().schema()).isEqualTo("seglift");
        assertThat(p.scoring().audit()).isEqualTo(AuditConfig.defaults());
        assertThat(p.scoring().rfm()).isEqualTo(RfmConfig.defaults());
        assertThat(p.sources().orders().rules()).isEqualTo(OrderRules.defaults());
        SegmentConfig a = p.segment("a").get();
        assertThat(a.holdoutFraction()).isEqualTo(0.10);
        assertThat(a.salt()).isEqualTo("a");
        assertThat(a.syncable()).isFalse();
        assertThat(p.segment("b").get().holdoutFraction()).isEqualTo(0.25);
        assertThat(p.segment("b").get().briefProblems()).containsExactly("brief.hypothesis", "brief.success_metric");
        assertThat(r.warnings()).extracting(Problem::path).containsExactly("segments.a", "segments.b");
        assertThat(r.warnings().get(1).message()).contains("brief.hypothesis, brief.success_metric");
    }

    @Test
    void eventsDefaultToOpenAndClick() throws IOException {
        Path file = write(minimal().replace("sources:\n", """
                sources:
                  events: {table: raw.events, customer: customer_id, at: at, type: kind}
                """));
        EventsSource events = loader().load(file).sources().events().orElseThrow();
        assertThat(events.openValues()).containsExactly("open");
        assertThat(events.clickValues()).containsExactly("click");
    }

    @Test
    void changeLimitsDefaultToTwentyPercentAndBadSharesAreNamed() throws IOException {
        String head = minimal() + """
                segments:
                  a: {rule: "true"}
                destinations:
                  crm: {type: hubspot, token: "${env:HUBSPOT_TOKEN}"}
                syncs:
                """;
        ProjectConfig ok = loader().read(write(head + """
                  - {name: s1, segment: a, destination: crm}
                  - {name: s2, segment: a, destination: crm, max_removal_share: 0.5, max_addition_share: 300%}
                """)).orThrow();
        assertThat(ok.sync("s1").get().changeLimits()).isEqualTo(ChangeLimits.DEFAULT);
        assertThat(ok.sync("s1").get().changeLimits().maxRemovalShare()).isEqualTo(0.20);
        assertThat(ok.sync("s2").get().changeLimits()).isEqualTo(new ChangeLimits(0.5, 3.0));

        var problems = loader().read(write(head + """
                  - {name: s1, segment: a, destination: crm, max_removal_share: 120%, max_addition_share: lots}
                """)).problems();
        assertThat(problems).extracting(Problem::path)
                .containsExactly("syncs[0].max_removal_share", "syncs[0].max_addition_share");
        assertThat(problems.get(0).message()).contains("'120%'", "0 to 100%");
        assertThat(problems.get(1).message()).contains("20%", "0.2");
    }

    @Test
    void maxServerWaitIsReadPerSyncAndOutOfRangeWaitsAreNamed() throws IOException {
        String head = minimal() + """
                segments:
                  a: {rule: "true"}
                destinations:
                  crm: {type: hubspot, token: "${env:HUBSPOT_TOKEN}"}
                syncs:
                """;
        ProjectConfig ok = loader().read(write(head + """
                  - {name: s1, segment: a, destination: crm}
                  - {name: s2, segment: a, destination: crm, max_server_wait: 45m}
                  - {name: s3, segment: a, destination: crm, max_server_wait: 0s}
                """)).orThrow();
        assertThat(ok.sync("s1").get().maxServerWait()).isEmpty();
        assertThat(ok.sync("s2").get().maxServerWait()).contains(java.time.Duration.ofMinutes(45));
        assertThat(ok.sync("s3").get().maxServerWait()).contains(java.time.Duration.ZERO);

        var problems = loader().read(write(head + """
                  - {name: s1, segment: a, destination: crm, max_server_wait: 2d}
                  - {name: s2, segment: a, destination: crm, max_server_wait: soon}
                """)).problems();
        assertThat(problems).extracting(Problem::path)
                .containsExactly("syncs[0].max_server_wait", "syncs[1].max_server_wait");
        assertThat(problems.get(0).message()).contains("'2d'", "0s to 1d");
        assertThat(problems.get(1).message()).contains("'soon'", "15m");
    }

    @Test
    void minMatchRateIsReadPerSyncWithADefaultAndOutOfRangeValuesAreNamed() throws IOException {
        String head = minimal() + """
                segments:
                  a: {rule: "true"}
                destinations:
                  crm: {type: hubspot, token: "${env:HUBSPOT_TOKEN}"}
                syncs:
                """;
        ProjectConfig ok = loader().read(write(head + """
                  - {name: s1, segment: a, destination: crm}
                  - {name: s2, segment: a, destination: crm, min_match_rate: 70%}
                  - {name: s3, segment: a, destination: crm, min_match_rate: 0.25}
                """)).orThrow();
        assertThat(ok.sync("s1").get().minMatchRate()).isEqualTo(SyncConfig.DEFAULT_MIN_MATCH_RATE);
        assertThat(ok.sync("s2").get().minMatchRate()).isEqualTo(0.7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ok.sync("s3").get().minMatchRate()).isEqualTo(0.25);

        var problems = loader().read(write(head + """
                  - {name: s1, segment: a, destination: crm, min_match_rate: 120%}
                """)).problems();
        assertThat(problems).extracting(Problem::path).containsExactly("syncs[0].min_match_rate");
        assertThat(problems.get(0).message()).contains("'120%'", "min_match_rate", "0 to 100%");
    }

    @Test
    void clustersAreReadWithDefaultsAndCheckedWithTheirLine() throws IOException {
        String base = """
                project: acme
                warehouse: {type: duckdb}
                sources:
                  customers: {table: customers, key: id}
                  orders: {table: orders, customer: customer_id, at: at, amount: total}
                """;
        ClustersConfig c = loader().read(write(base + """
                scoring:
                  clusters: {features: [recency_days, churn], k: {min: 3, max: 5}, sample: 5000, seed: 7}
                """)).orThrow().scoring().clusters();
        assertThat(c).isEqualTo(new ClustersConfig(List.of("recency_days", "churn"), 3, 5, 5000, 10, 7L, true));
        assertThat(loader().read(write(base)).orThrow().scoring().clusters()).isEqualTo(ClustersConfig.defaults());
        List<Problem> problems = loader().read(write(base + """
                scoring:
                  clusters:
                    features: [frequency, "not a column", frequency]
                    k: {min: 6, max: 3}
                    restarts: 0
                    colour: blue
                """)).problems();
        assertThat(problems).extracting(Problem::toString)
                .anySatisfy(m -> assertThat(m).contains(":8:", "features[1]"))
                .anySatisfy(m -> assertThat(m).contains("listed twice"))
                .anySatisfy(m -> assertThat(m).contains(":9:", "k.max (3) is below k.min (6)"))
                .anySatisfy(m -> assertThat(m).contains("restarts", "out of range"))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'colour'"));
    }

    @Test
    void brokenYamlIsOneProblemWithItsPosition() throws IOException {
        Path file = write("project: acme\nwarehouse: {type: duckdb\nsources: [\n");
        assertThat(loader().read(file).problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isGreaterThan(1));
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "seglift", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String minimal() {
        return """
                project: acme
                warehouse: {type: duckdb}
                sources:
                  customers: {table: raw.customers, key: customer_id}
                  orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
                """;
    }
}
