package io.seglift.scoring.segments;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.scoring.Fixtures;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentCatalogTest {
    private static final LocalDate D1 = LocalDate.of(2024, 3, 1);
    private DuckDbWarehouse w;
    private final SegmentConfig gold = Fixtures.segment("gold", "tier = 'gold' AND email IS NOT NULL", 0.2, true);
    private final SegmentConfig silver = Fixtures.segment("silver", "tier = 'silver'", 0.1, false);
    private ProjectConfig project;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE customers (cust_id INTEGER, email VARCHAR, phone VARCHAR, email_ok BOOLEAN,"
                + " sms_ok BOOLEAN, dnd BOOLEAN, tier VARCHAR)");
        w.execute("INSERT INTO customers SELECT i, 'c' || i || '@x.example', '+1555' || i, TRUE, FALSE, FALSE,"
                + " CASE WHEN i <= 200 THEN 'gold' ELSE 'silver' END FROM range(1, 301) t(i)");
        w.execute("CREATE TABLE orders (order_id VARCHAR, cust_id INTEGER, ordered_at TIMESTAMP, amount DOUBLE, status VARCHAR)");
        project = Fixtures.project(List.of(gold, silver));
        new SegmentBuilder(w, project, Clock.systemUTC()).build(gold, D1);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void sampleIsDeterministicShowsReferencedFieldsAndMasksEmails() {
        SegmentCatalog catalog = new SegmentCatalog(w, project);
        SegmentSample a = catalog.sample(gold, 50, "s1", Optional.empty());
        SegmentSample b = catalog.sample(gold, 50, "s1", Optional.empty());
        SegmentSample other = catalog.sample(gold, 50, "s2", Optional.empty());
        assertThat(a.rows()).hasSize(50).isEqualTo(b.rows()).isNotEqualTo(other.rows());
        assertThat(a.columns()).containsExactly("customer_key", "arm", "email", "tier");
        assertThat(a.masked()).containsExactly("email");
        assertThat(a.rows()).allSatisfy(r -> {
            assertThat(r.get("email")).isEqualTo(SegmentCatalog.MASK);
            assertThat(r.get("tier")).isEqualTo("gold");
        });
        assertThat(a.rows().toString()).doesNotContain("@x.example").doesNotContain("+1555");
    }

    @Test
    void listShowsSizesAndFlagsSegmentsWithoutCampaign() {
        List<SegmentSummary> list = new SegmentCatalog(w, project).list();
        assertThat(list).extracting(SegmentSummary::segment).containsExactly("gold", "silver");
        SegmentSummary g = list.get(0);
        assertThat(g.latest().members()).isEqualTo(200);
        assertThat(g.latest().holdout()).isBetween(20L, 60L);
        assertThat(g.owner()).isEqualTo("growth-team");
        assertThat(g.noCampaign()).as("no sync uses it").isTrue();
        assertThat(list.get(1).latest()).isNull();
        assertThat(list.get(1).briefMissing()).containsExactly("brief");
    }
}
