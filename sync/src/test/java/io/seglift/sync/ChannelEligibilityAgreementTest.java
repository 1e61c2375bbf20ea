package io.seglift.sync;

import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SegliftTables;
import io.seglift.config.SourcesConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.audit.AuditResult;
import io.seglift.scoring.audit.Auditor;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.plan.Exclusion;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit's reachability of a destination and the planner's eligible members are one rule: on the same customers,
 * with every customer in the segment and nobody held out or suppressed, the audit's count for the destination equals
 * the members the sync sends.
 */
class ChannelEligibilityAgreementTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    @TempDir
    Path dir;
    private Warehouse w;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 200);
        w.execute("INSERT INTO raw.customers VALUES (201, '   ', NULL, TRUE, TRUE, FALSE, 'gold'),"
                + " (202, 'c202@example.com', '', TRUE, TRUE, NULL, 'gold'),"
                + " (203, 'c203@example.com', '+4420799999', NULL, NULL, NULL, 'gold'),"
                + " (NULL, 'nokey@example.com', '+4420700000', TRUE, TRUE, FALSE, 'gold')");
        w.execute("CREATE TABLE raw.orders (customer_id BIGINT, ordered_at DATE, amount DOUBLE)");
        w.execute("INSERT INTO raw.orders VALUES (1, DATE '2026-10-01', 20.0)");
        try (BulkWriter bw = w.bulkWriter(w.own(SegliftTables.SEGMENT_MEMBERS),
                List.of("as_of", "segment", "customer_key", "arm", "build_id"))) {
            for (long i = 1; i <= 203; i++) bw.row(AS_OF, SyncFixture.SEGMENT, String.valueOf(i), "treatment", "b-1");
        }
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void theAuditReachesExactlyTheMembersThePlannerSends(Channel channel) {
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of());
        ProjectConfig fixture = SyncFixture.project(dir, SyncFixture.segment(true), sync,
                new Settings("crm", "fake", Map.of()), Optional.empty());
        OrdersSource orders = new OrdersSource(TableName.of("raw", "orders"), "customer_id", "ordered_at",
                Optional.empty(), Optional.of("amount"), Optional.empty(), Optional.empty(), Optional.empty(),
                OrderRules.defaults());
        ProjectConfig project = new ProjectConfig(fixture.project(), fixture.file(), fixture.warehouse(),
                new SourcesConfig(fixture.sources().customers(), orders, Optional.empty(), Optional.empty()),
                fixture.scoring(), fixture.segments(), fixture.destinations(), fixture.syncs());

        Auditor auditor = new Auditor(w, project, new Destinations(List.of(factory(channel))), Clock.fixed(Instant.parse("2026-11-02T00:00:00Z"), ZoneOffset.UTC));
        AuditResult.Reach reach = auditor.run(AS_OF).reachability().stream()
                .filter(r -> r.destination().equals("crm")).findFirst().orElseThrow();
        FakeDestination dest = new FakeDestination(channel);
        RunSummary s = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql)
                .run(project, sync, w, dest, dest.capabilities());

        long eligible = 203 - s.plan().excluded(Exclusion.NO_CONSENT) - s.plan().excluded(Exclusion.NO_IDENTIFIER);
        assertThat(reach.channel()).isEqualTo(channel.name());
        assertThat(s.added()).isEqualTo(eligible);
        assertThat(reach.reachable()).isEqualTo(eligible).isPositive().isLessThan(203);
    }

    private static DestinationFactory factory(Channel channel) {
        return new DestinationFactory() {
            @Override
            public String type() {
                return "fake";
            }

            @Override
            public String description() {
                return "in-memory test destination";
            }

            @Override
            public ConfigSpec configSpec() {
                return ConfigSpec.of();
            }

            @Override
            public Capabilities capabilities(Settings settings) {
                return new FakeDestination(channel).capabilities();
            }

            @Override
            public Destination create(Settings settings, DestinationContext context) {
                return new FakeDestination(channel);
            }
        };
    }
}
