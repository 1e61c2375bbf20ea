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

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLV columns of the member profile, and a rule reading them refusing to build without CLV scores for the date. */
class ClvProfileTest {
    private static final LocalDate D1 = LocalDate.of(2024, 3, 1);
    private DuckDbWarehouse w;
    private final SegmentConfig valuable = Fixtures.segment("valuable", "clv > 100 and p_alive > 0.5", 0.1, false);
    private final SegmentConfig gold = Fixtures.segment("gold", "tier = 'gold'", 0.1, false);
    private ProjectConfig project;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("CREATE TABLE customers (cust_id INTEGER, email VARCHAR, phone VARCHAR, email_ok BOOLEAN,"
                + " sms_ok BOOLEAN, dnd BOOLEAN, tier VARCHAR)");
        w.execute("INSERT INTO customers VALUES (1, NULL, NULL, TRUE, FALSE, FALSE, 'gold'), (2, NULL, NULL, TRUE, FALSE, FALSE, 'silver')");
        w.execute("CREATE TABLE orders (order_id VARCHAR, cust_id INTEGER, ordered_at TIMESTAMP, amount DOUBLE, status VARCHAR)");
        project = Fixtures.project(List.of(valuable, gold));
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void aRuleReadingClvNeedsClvScoresForTheDateAndNamesTheCommand() {
        ScoreInputs inputs = new ScoreInputs(w, project);
        assertThat(inputs.readBy(valuable, D1)).containsExactly(ProfileView.CLV);
        assertThat(inputs.readBy(gold, D1)).isEmpty();
        assertThat(inputs.missing(valuable, D1)).containsExactly("segment valuable reads CLV, which has no scores as of "
                + "2024-03-01: run `seglift score clv --as-of 2024-03-01` first");

        w.execute("INSERT INTO seglift.clv_scores VALUES (DATE '2024-03-01', '1', 3, 20.0, 30.0, 45.0, 0.8, 2.5, 48.0, 120.0)");
        assertThat(inputs.missing(valuable, D1)).isEmpty();
        List<String> rows = w.queryList("SELECT " + ProfileView.KEY + ", clv, p_alive, expected_purchases, expected_aov FROM ("
                + ProfileView.sql(project, w.dialect(), D1) + ") p ORDER BY 1", List.of(), r -> r.string(ProfileView.KEY)
                + " " + r.doubleValue("clv") + " " + r.doubleValue("p_alive") + " " + r.doubleValue("expected_purchases")
                + " " + r.doubleValue("expected_aov"));
        assertThat(rows).containsExactly("1 120.0 0.8 2.5 48.0", "2 null null null null");
    }
}
