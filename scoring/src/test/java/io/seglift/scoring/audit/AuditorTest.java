package io.seglift.scoring.audit;

import io.seglift.config.AuditConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.ScoringConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.Destinations;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditorTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 7, 1);
    private DuckDbWarehouse w;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE customers (cust_id INTEGER, email VARCHAR, phone VARCHAR, email_ok BOOLEAN,"
                + " sms_ok BOOLEAN, dnd BOOLEAN, tier VARCHAR)");
        w.execute("""
                INSERT INTO customers VALUES
                 (1, 'a@x.example', '+100', TRUE, TRUE, FALSE, 'gold'),
                 (2, 'b@x.example', '+200', FALSE, TRUE, TRUE, 'gold'),
                 (3, 'not-an-email', NULL, TRUE, FALSE, FALSE, 'silver'),
                 (4, NULL, '+400', NULL, TRUE, NULL, 'silver'),
                 (4, 'd@x.example', NULL, TRUE, FALSE, FALSE, 'silver'),
                 (NULL, 'e@x.example', NULL, TRUE, FALSE, FALSE, 'silver')""");
        w.execute("CREATE TABLE orders (order_id VARCHAR, cust_id INTEGER, ordered_at TIMESTAMP, amount DOUBLE, status VARCHAR)");
        w.execute("""
                INSERT INTO orders VALUES
                 ('1', 1, '2023-01-15 10:00', 10, 'ok'), ('2', 1, '2024-03-01 10:00', 10, 'ok'),
                 ('3', 1, '2024-06-01 10:00', 10, 'ok'), ('4', 2, '2024-06-02 10:00', 10, 'ok'),
                 ('5', 2, '2024-06-03 10:00', -5, 'cancelled'), ('6', 3, '2024-06-03 10:00', 0, 'ok'),
                 ('7', 9, '2024-06-03 10:00', 10, 'ok'), ('8', 9, '2024-06-04 10:00', 10, 'ok'),
                 ('9', NULL, '2024-06-03 10:00', 10, 'ok'), ('10', 2, NULL, 10, 'ok'), ('11', 2, '2024-06-05 10:00', NULL, 'ok'),
                 ('12', 1, '2024-07-02 10:00', 10, 'ok')""");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private static ProjectConfig project(AuditConfig cfg) {
        ProjectConfig base = Fixtures.project(List.of());
        return new ProjectConfig(base.project(), base.file(), base.warehouse(), base.sources(),
                new ScoringConfig(cfg, RfmConfig.defaults(), Map.of()), Map.of(), Map.of(), List.of());
    }

    private AuditResult audit(AuditConfig cfg) {
        return new Auditor(w, project(cfg), new Destinations(List.of()), java.time.Clock.systemUTC())
                .run(AS_OF);
    }

    @Test
    void aNarrowAuditWithoutClusteringDecidesModelsAsTheFullOneAndSaysClusteringWasNotAssessed() {
        AuditResult full = audit(AuditConfig.defaults());
        AuditResult narrow = new Auditor(w, project(AuditConfig.defaults()), new Destinations(List.of()),
                java.time.Clock.systemUTC(), MethodReadiness.notAssessed(MethodVerdict.CLUSTERING,
                "the model-training gate")).run(AS_OF);
        assertThat(narrow.recommendation()).isEqualTo(full.recommendation());
        assertThat(narrow.allowsModels()).isEqualTo(full.allowsModels());
        assertThat(narrow.methods()).filteredOn(m -> m.method().equals(MethodVerdict.CLUSTERING)).singleElement()
                .satisfies(m -> assertThat(m.reasons()).singleElement().asString()
                        .startsWith("not assessed by the model-training gate"));
        assertThat(full.methods()).filteredOn(m -> m.method().equals(MethodVerdict.CLUSTERING)).singleElement()
                .satisfies(m -> assertThat(String.join(" ", m.reasons())).doesNotContain("not assessed"));
    }

    @Test
    void countsQualifiedCustomersHistoryAndQuality() {
        AuditResult r = audit(AuditConfig.defaults());
        assertThat(r.customers()).isEqualTo(6);
        assertThat(r.buyers()).isEqualTo(3);
        assertThat(r.qualified()).as("1 and 9 have 2+ purchases in the 12 months before as_of").isEqualTo(2);
        assertThat(r.firstPurchase()).isEqualTo(LocalDate.of(2023, 1, 15));
        assertThat(r.historyMonths()).isEqualTo(17);
        AuditResult.Quality q = r.quality();
        assertThat(q.duplicateCustomerKeys()).isEqualTo(1);
        assertThat(q.nullCustomerKeys()).isEqualTo(1);
        assertThat(q.orderRows()).isEqualTo(12);
        assertThat(q.ordersWithoutCustomer()).isEqualTo(1);
        assertThat(q.ordersUnknownCustomer()).isEqualTo(2);
        assertThat(q.unknownCustomers()).isEqualTo(1);
        assertThat(q.nullOrderDates()).isEqualTo(1);
        assertThat(q.nullAmounts()).isEqualTo(1);
        assertThat(q.nonPositiveAmounts()).isEqualTo(2);
        assertThat(q.cancelledRows()).isEqualTo(1);
        assertThat(q.futureOrders()).isEqualTo(1);
        assertThat(q.malformedEmails()).isEqualTo(1);
        assertThat(q.latestOrder()).isEqualTo(LocalDate.of(2024, 7, 2));
        assertThat(q.daysSinceLatestOrder()).isEqualTo(27);
        assertThat(r.recommendation()).isEqualTo(AuditResult.Recommendation.RFM_ONLY);
        assertThat(r.allowsModels()).isFalse();
        assertThat(r.reasons()).anyMatch(s -> s.contains("2 customers") && s.contains("1000"));
        assertThat(r.methods()).extracting(MethodVerdict::method).containsExactly("rfm", "propensity", "clv", "clustering");
        assertThat(r.methods()).extracting(MethodVerdict::supported).containsExactly(true, false, false, false);
        assertThat(r.methods().get(3).reasons()).anyMatch(s -> s.contains("no customer has every clustering feature"))
                .anyMatch(s -> s.contains("use RFM segments instead"));
        assertThat(r.methods()).allSatisfy(m -> assertThat(m.reasons()).isNotEmpty());
    }

    @Test
    void reachabilityFollowsConsent() {
        AuditResult r = audit(AuditConfig.defaults());
        Map<String, Long> overall = new java.util.HashMap<>();
        r.reachability().stream().filter(x -> x.destination().equals("*")).forEach(x -> overall.put(x.channel(), x.reachable()));
        // the customer without a key has an email and consent but cannot be synced, so it is not reachable
        assertThat(overall).containsEntry("with email", 5L).containsEntry("EMAIL", 3L).containsEntry("SMS", 2L)
                .containsEntry("ADS", 5L);
    }

    @Test
    void lowThresholdsAllowModelsAndTheAuditIsStored() {
        AuditResult r = audit(new AuditConfig(2, 12, 2, 6));
        assertThat(r.allowsModels()).isTrue();
        audit(AuditConfig.defaults());
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.audits")).isEqualTo(2);
        assertThat(new AuditHistory(w).latest()).hasValueSatisfying(a -> {
            assertThat(a.qualified()).isEqualTo(2);
            assertThat(a.quality().malformedEmails()).isEqualTo(1);
        });
    }

    private static io.seglift.spi.destination.DestinationFactory factory(String type, io.seglift.spi.destination.Channel channel,
                                                                      java.util.Set<io.seglift.spi.destination.IdentifierType> ids) {
        return new io.seglift.spi.destination.DestinationFactory() {
            @Override public String type() { return type; }
            @Override public String description() { return type; }
            @Override public io.seglift.spi.settings.ConfigSpec configSpec() { return io.seglift.spi.settings.ConfigSpec.of(); }
            @Override public io.seglift.spi.destination.Capabilities capabilities(io.seglift.spi.settings.Settings settings) {
                return io.seglift.spi.destination.Capabilities.builder(channel)
                        .identifiers(ids.toArray(io.seglift.spi.destination.IdentifierType[]::new)).maxBatchSize(100)
                        .modes(io.seglift.spi.destination.SyncMode.MIRROR).removes().build();
            }
            @Override public io.seglift.spi.destination.Destination create(io.seglift.spi.settings.Settings settings,
                                                                          DestinationContext context) {
                return new io.seglift.spi.destination.Destination() {
                    @Override public void check() { }
                    @Override public io.seglift.spi.destination.AudienceRef ensureAudience(io.seglift.spi.destination.AudienceSpec spec) {
                        throw new UnsupportedOperationException();
                    }
                    @Override public io.seglift.spi.destination.BatchResult push(io.seglift.spi.destination.Batch batch) {
                        throw new UnsupportedOperationException();
                    }
                    @Override public void close() { }
                };
            }
        };
    }

    @Test
    void reachabilityPerDestinationFollowsItsChannelAndEngagementJoinsToBuyers() {
        w.execute("CREATE TABLE events (cust_id INTEGER, seen_at TIMESTAMP, kind VARCHAR)");
        w.execute("INSERT INTO events VALUES (1, '2024-06-01', 'open'), (1, '2024-06-02', 'click'), (3, '2024-06-20', 'open'),"
                + " (77, '2024-06-21', 'open')");
        ProjectConfig base = Fixtures.project(List.of());
        Map<String, io.seglift.config.DestinationConfig> dests = new java.util.LinkedHashMap<>();
        for (String[] d : new String[][]{{"klav", "fake_email"}, {"sms", "fake_sms"}, {"fb", "fake_ads"}, {"hub", "fake_crm"}}) {
            dests.put(d[0], new io.seglift.config.DestinationConfig(d[0], d[1],
                    new io.seglift.spi.settings.Settings(d[0], d[1], Map.of()), java.util.Optional.empty()));
        }
        io.seglift.config.SourcesConfig sources = new io.seglift.config.SourcesConfig(base.sources().customers(),
                base.sources().orders(), java.util.Optional.of(new io.seglift.config.EventsSource(
                io.seglift.spi.warehouse.TableName.parse("events", "t"), "cust_id", "seen_at", "kind", List.of("open"),
                List.of("click"))), java.util.Optional.empty());
        ProjectConfig p = new ProjectConfig(base.project(), base.file(), base.warehouse(), sources, base.scoring(),
                Map.of(), dests, List.of());
        Destinations destinations = new Destinations(List.of(
                factory("fake_email", io.seglift.spi.destination.Channel.EMAIL, java.util.Set.of(io.seglift.spi.destination.IdentifierType.EMAIL)),
                factory("fake_sms", io.seglift.spi.destination.Channel.SMS, java.util.Set.of(io.seglift.spi.destination.IdentifierType.PHONE)),
                factory("fake_ads", io.seglift.spi.destination.Channel.ADS, java.util.Set.of(io.seglift.spi.destination.IdentifierType.PHONE)),
                factory("fake_crm", io.seglift.spi.destination.Channel.CRM, java.util.Set.of(io.seglift.spi.destination.IdentifierType.EMAIL))));
        AuditResult r = new Auditor(w, p, destinations, java.time.Clock.systemUTC()).run(AS_OF);
        Map<String, Long> byDestination = new java.util.HashMap<>();
        r.reachability().forEach(x -> byDestination.put(x.destination() + "/" + x.channel(), x.reachable()));
        assertThat(byDestination).containsEntry("klav/EMAIL", 3L).containsEntry("sms/SMS", 2L)
                .containsEntry("fb/ADS", 3L).containsEntry("hub/CRM", 4L);
        assertThat(r.engagement().eventCustomers()).isEqualTo(3);
        assertThat(r.engagement().joined()).as("buyers 1, 2, 9; events from 1").isEqualTo(1);
        assertThat(r.engagement().share()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.engagement().latestEvent()).isEqualTo(LocalDate.of(2024, 6, 21));
    }
}
