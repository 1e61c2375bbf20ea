package io.seglift.spi.destination;

import java.util.List;
import java.util.Objects;

/**
 * Rows to send in one call (or one logical call the destination may split further). Made with {@link #of} (a whole
 * operation in one batch) or {@link #builder}, so fields can be added without breaking connectors.
 */
public final class Batch {
    private final AudienceRef audience;
    private final Operation operation;
    private final List<Member> members;
    private final int sequence;
    private final boolean lastBatch;
    private final long totalInRun;
    private final String runId;

    private Batch(Builder b) {
        this.audience = Objects.requireNonNull(b.audience, "audience");
        this.operation = Objects.requireNonNull(b.operation, "operation");
        this.members = List.copyOf(b.members);
        this.sequence = b.sequence;
        this.lastBatch = b.lastBatch;
        this.totalInRun = b.totalInRun < 0 ? members.size() : b.totalInRun;
        this.runId = b.runId;
    }

    /** The only batch of its operation in the run: sequence 0, last, total = its size. */
    public static Batch of(AudienceRef audience, Operation operation, List<Member> members) {
        return builder(audience, operation, members).build();
    }

    public static Builder builder(AudienceRef audience, Operation operation, List<Member> members) {
        return new Builder(audience, operation, members);
    }

    /** The audience from {@link Destination#ensureAudience}. */
    public AudienceRef audience() {
        return audience;
    }

    /** Add, remove or update. */
    public Operation operation() {
        return operation;
    }

    /** The rows; keys are unique within a batch. */
    public List<Member> members() {
        return members;
    }

    /** 0-based position of this batch in the run, for APIs with sessions (Facebook). */
    public int sequence() {
        return sequence;
    }

    /** Whether this is the last batch of this operation in the run. */
    public boolean lastBatch() {
        return lastBatch;
    }

    /** Estimated number of rows of this operation in the run. */
    public long totalInRun() {
        return totalInRun;
    }

    /**
     * The id of the sync run sending this batch, or {@code null} outside a run; with {@link #sequence()} it names one
     * logical request, so a destination can derive idempotency keys that are stable across retries of this batch and
     * differ across runs.
     */
    public String runId() {
        return runId;
    }

    public int size() {
        return members.size();
    }

    @Override
    public String toString() {
        return "Batch[" + operation + " " + members.size() + " rows, sequence " + sequence + (lastBatch ? ", last" : "")
                + ", of " + totalInRun + "]";
    }

    /** Places a batch in its run; unset, it is the only batch (sequence 0, last, total = its size). */
    public static final class Builder {
        private final AudienceRef audience;
        private final Operation operation;
        private final List<Member> members;
        private int sequence;
        private boolean lastBatch = true;
        private long totalInRun = -1;
        private String runId;

        private Builder(AudienceRef audience, Operation operation, List<Member> members) {
            this.audience = audience;
            this.operation = operation;
            this.members = members;
        }

        public Builder sequence(int s) {
            if (s < 0) throw new IllegalArgumentException("sequence must not be negative: " + s);
            this.sequence = s;
            return this;
        }

        public Builder lastBatch(boolean last) {
            this.lastBatch = last;
            return this;
        }

        public Builder totalInRun(long total) {
            this.totalInRun = total;
            return this;
        }

        public Builder runId(String id) {
            this.runId = id;
            return this;
        }

        public Batch build() {
            return new Batch(this);
        }
    }
}
