package io.seglift.sync.state;

import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RowStatus;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What one committed batch leaves in {@code sync_state}, per operation and row status (the SPI's contract). */
class BatchCommitterTest {
    private static final String SYNC = "s";
    private static final String RUN = "run-1";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private Warehouse w;

    @BeforeEach
    void setUp() {
        w = DuckDbWarehouseFactory.inMemory("seglift");
        Migrator.discover().migrate(w);
        w.execute("INSERT INTO seglift.sync_runs (run_id, sync_name, status) VALUES (?, ?, 'running')", RUN, SYNC);
        for (String key : List.of("a", "b", "c")) {
            w.execute("INSERT INTO seglift.sync_state (sync_name, customer_key, destination_id, fingerprint, status, run_id)"
                    + " VALUES (?, ?, ?, 'old-fp', 'synced', 'run-0')", SYNC, key, "rec-" + key);
        }
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private String state(String key) {
        return w.queryOne("SELECT status || '/' || COALESCE(fingerprint, '-') || '/' || COALESCE(destination_id, '-') AS s FROM seglift.sync_state"
                + " WHERE sync_name = ? AND customer_key = ?", List.of(SYNC, key), r -> r.string("s")).orElse("absent");
    }

    @Test
    void aRejectedUpdateKeepsTheOldFingerprintSoItIsNotSyncedWithTheRefusedValues() {
        new BatchCommitter(w).commit(SYNC, RUN, List.of(
                new Outcome("a", Operation.UPDATE, RowStatus.OK, null, null, "rec-a", "new-fp"),
                new Outcome("b", Operation.UPDATE, RowStatus.REJECTED, "INVALID", "field refused", "rec-b", "new-fp"),
                new Outcome("c", Operation.UPDATE, RowStatus.RETRY, "BUSY", "later", "rec-c", "new-fp")), NOW);

        assertThat(state("a")).isEqualTo("synced/new-fp/rec-a");
        assertThat(state("b")).as("rejected update: still in the audience with its old values").isEqualTo("synced/old-fp/rec-b");
        assertThat(state("c")).as("retry rows are not committed").isEqualTo("synced/old-fp/rec-c");
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_results WHERE run_id = ? AND customer_key = 'b'"
                + " AND status = 'rejected'", RUN)).isEqualTo(1);
    }

    @Test
    void aRejectedAddIsRecordedAsRejectedAndARetriedAddLeavesNoState() {
        new BatchCommitter(w).commit(SYNC, RUN, List.of(
                new Outcome("n1", Operation.ADD, RowStatus.REJECTED, "INVALID", "bad email", null, null),
                new Outcome("n2", Operation.ADD, RowStatus.RETRY, "BUSY", "later", null, null),
                new Outcome("n3", Operation.ADD, RowStatus.OK, null, null, "rec-n3", null)), NOW);

        assertThat(state("n1")).startsWith("rejected/");
        assertThat(state("n2")).isEqualTo("absent");
        assertThat(w.queryOne("SELECT destination_id FROM seglift.sync_state WHERE customer_key = 'n3'", List.of(),
                r -> r.string("destination_id"))).contains("rec-n3");
    }

    @Test
    void aRunsCountersAndUploadCountsAddUpOverBatches() {
        int large = 107;
        new BatchCommitter(w).commit(SYNC, RUN, adds("small-", 3), null, NOW);
        new BatchCommitter(w).commit(SYNC, RUN, adds("large-", large), new io.seglift.spi.destination.UploadStats(large, 2), NOW);

        for (String prefix : List.of("small-", "large-")) {
            assertThat(state(prefix + 0)).isEqualTo("synced/fp-0/id-0");
            assertThat(state(prefix + 1)).startsWith("rejected/");
            assertThat(state(prefix + 2)).as("retried").isEqualTo("absent");
        }
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_results WHERE run_id = ?", RUN)).isEqualTo(3 + large);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_results WHERE run_id = ? AND customer_key = 'large-1'"
                + " AND status = 'rejected' AND code = 'INVALID' AND message = 'bad email'", RUN)).isEqualTo(1);
        assertThat(w.queryLong("SELECT COUNT(*) FROM seglift.sync_batch")).as("the batch table is emptied").isZero();
        assertThat(w.queryOne("SELECT sent || '/' || added || '/' || rejected || '/' || retried || '/' || upload_received"
                + " || '/' || upload_invalid AS s FROM seglift.sync_runs WHERE run_id = ?", List.of(RUN), r -> r.string("s")))
                .contains((3 + large) + "/" + (1 + (large + 2) / 3) + "/" + (1 + (large + 1) / 3) + "/" + (1 + large / 3)
                        + "/" + large + "/2");
    }

    @Test
    void anAcceptedRemoveDeletesTheStateAndARetriedRemoveKeepsIt() {
        new BatchCommitter(w).commit(SYNC, RUN, List.of(
                new Outcome("a", Operation.REMOVE, RowStatus.OK, null, null, "rec-a", null),
                new Outcome("b", Operation.REMOVE, RowStatus.RETRY, "BUSY", "later", "rec-b", null)), NOW);

        assertThat(state("a")).isEqualTo("absent");
        assertThat(state("b")).isEqualTo("synced/old-fp/rec-b");
        assertThat(state("c")).isEqualTo("synced/old-fp/rec-c");
    }

    /** {@code n} adds: every third accepted, rejected, or left for retry. */
    private static List<Outcome> adds(String prefix, int n) {
        List<Outcome> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            RowStatus status = i % 3 == 0 ? RowStatus.OK : i % 3 == 1 ? RowStatus.REJECTED : RowStatus.RETRY;
            out.add(new Outcome(prefix + i, Operation.ADD, status, status == RowStatus.OK ? null : "INVALID",
                    status == RowStatus.OK ? null : "bad email", status == RowStatus.OK ? "id-" + i % 3 : null,
                    status == RowStatus.OK ? "fp-" + i % 3 : null));
        }
        return out;
    }
}
