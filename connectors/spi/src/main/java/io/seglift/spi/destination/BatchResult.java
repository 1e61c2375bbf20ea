package io.seglift.spi.destination;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One result per row of a batch.
 *
 * @param rows results, one per member of the batch
 */
public record BatchResult(List<RowResult> rows) {
    public BatchResult {
        rows = List.copyOf(rows);
    }

    /** Checks that {@code rows} holds exactly one result per member of {@code batch}; throws naming what is off. */
    public BatchResult requireCovers(Batch batch) {
        Set<String> expected = new HashSet<>();
        batch.members().forEach(m -> expected.add(m.key()));
        Set<String> seen = new HashSet<>();
        for (RowResult r : rows) {
            if (!expected.contains(r.key())) {
                throw new IllegalStateException("result for key " + r.key() + " which is not in the batch");
            }
            if (!seen.add(r.key())) {
                throw new IllegalStateException("two results for key " + r.key());
            }
        }
        if (seen.size() != expected.size()) {
            throw new IllegalStateException((expected.size() - seen.size()) + " rows of the batch have no result");
        }
        return this;
    }

    public long count(RowStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }
}
