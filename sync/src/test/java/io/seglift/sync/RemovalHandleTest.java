package io.seglift.sync;

import io.seglift.config.ChangeLimits;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Removals use the destination's removal handle kept in {@code sync_state}, so a member leaves the audience even when
 * its customer row was erased, its email changed, or only a phone is left, which this destination does not match on (the fake removes as vendors do: by record id,
 * else by identifier, and answers OK to a remove that matches nobody).
 */
class RemovalHandleTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 8);

    @TempDir
    Path dir;
    private Warehouse w;
    private SyncEngine engine;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        SyncFixture.createTables(w);
        SyncFixture.customers(w, 60);
        engine = new SyncEngine(EngineOptions.defaults().withSleeper(d -> { }), ProfileView::sql);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private ProjectConfig project(SyncConfig sync) {
        return SyncFixture.project(dir, SyncFixture.segment(true), sync, new Settings("crm", "fake", Map.of()), Optional.empty());
    }

    private String storedId(String key) {
        return w.queryOne("SELECT destination_id FROM seglift.sync_state WHERE sync_name = ? AND customer_key = ?",
                List.of(SyncFixture.SYNC, key), r -> r.string("destination_id")).orElse(null);
    }

    @Test
    void anErasedCustomerLeavesTheAudienceOnTheNextMirrorRunEvenWhenTheSegmentStillListsIt() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(dest.audience).contains("3", "4");
        assertThat(storedId("3")).isEqualTo("id-3");

        w.execute("DELETE FROM raw.customers WHERE id = 3");
        SyncFixture.build(w, D2, 1, 30);   // a build made before the erasure reached scoring still lists 3
        w.execute("DELETE FROM raw.customers WHERE id = 4");   // and 4 is erased and gone from no build at all
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());

        assertThat(s.plan().removes()).isEqualTo(2);
        assertThat(dest.audience).doesNotContain("3", "4").contains("5");
        Batch removes = dest.batches.stream().filter(b -> b.operation() == Operation.REMOVE).findFirst().orElseThrow();
        assertThat(removes.members()).extracting(Member::destinationId).containsExactlyInAnyOrder("id-3", "id-4");
        assertThat(removes.members()).allMatch(m -> m.identifiers().isEmpty());
        assertThat(storedId("3")).isNull();
    }

    @Test
    void aLeaverWhoseEmailChangedIsRemovedByItsRecordIdCarryingTheIdentifiersLeft() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.MIRROR, Map.of()).withChangeLimits(ChangeLimits.UNLIMITED);
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());

        w.execute("UPDATE raw.customers SET email = 'renamed@example.com' WHERE id = 5");
        w.execute("UPDATE raw.customers SET email = NULL WHERE id = 6");   // only a phone is left, which this destination does not match on
        SyncFixture.build(w, D2, 7, 30);
        engine.run(project(sync), sync, w, dest, dest.capabilities());

        assertThat(dest.audience).doesNotContain("5", "6").contains("7");
        Batch removes = dest.batches.stream().filter(b -> b.operation() == Operation.REMOVE).findFirst().orElseThrow();
        Member five = removes.members().stream().filter(m -> m.key().equals("5")).findFirst().orElseThrow();
        assertThat(five.destinationId()).isEqualTo("id-5");
        assertThat(five.identifier(IdentifierType.EMAIL)).isEqualTo("renamed@example.com");
        Member six = removes.members().stream().filter(m -> m.key().equals("6")).findFirst().orElseThrow();
        assertThat(six.identifiers()).as("the fake matches on email only, and it is gone").isEmpty();
        assertThat(six.destinationId()).isEqualTo("id-6");
    }

    @Test
    void theRecordIdOfAnAddIsStoredAndKeptWhenALaterUpdateReturnsNone() {
        SyncFixture.build(w, D1, 1, 30);
        SyncConfig sync = SyncFixture.sync(SyncMode.UPSERT, Map.of("seglift_tier", "upper(tier)"));
        FakeDestination dest = new FakeDestination(Channel.CRM);
        engine.run(project(sync), sync, w, dest, dest.capabilities());
        assertThat(storedId("1")).isEqualTo("id-1");

        w.execute("UPDATE raw.customers SET tier = 'platinum' WHERE id = 1");
        RunSummary s = engine.run(project(sync), sync, w, dest, dest.capabilities());

        assertThat(s.updated()).isEqualTo(1);
        Batch update = dest.batches.stream().filter(b -> b.operation() == Operation.UPDATE).findFirst().orElseThrow();
        assertThat(update.members().get(0).destinationId()).isEqualTo("id-1");
        assertThat(storedId("1")).as("an update result without an id keeps the stored one").isEqualTo("id-1");
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_state WHERE destination_id LIKE '%@%'")).isZero();
    }
}
