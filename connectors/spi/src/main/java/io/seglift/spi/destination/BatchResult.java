package io.seglift.spi.destination;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One result per row of a batch, and what the destination reported about the upload when it reports it.
 *
 * @param rows   results, one per member of the batch
 * @param upload rows received and invalid as the destination counted them, or null when it reports no such counts
 */
public record BatchResult(List<RowResult> rows, UploadStats upload) {
    public BatchResult {
        rows = List.copyOf(rows);
    }

    /** Results of a destination that reports no upload counts. */
    public BatchResult(List<RowResult> rows) {
        this(rows, null);
    }

    /** Results with the destination's own count of the rows it received and found invalid. */
    public static BatchResult withUpload(List<RowResult> rows, UploadStats upload) {
        return new BatchResult(rows, java.util.Objects.requireNonNull(upload, "upload"));
    }

    /** The destination's upload counts, empty when it reports none. */
    public Optional<UploadStats> uploadStats() {
        return Optional.ofNullable(upload);
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
