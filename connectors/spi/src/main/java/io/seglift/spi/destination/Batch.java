package io.seglift.spi.destination;

import java.util.List;

/**
 * Rows to send in one call (or one logical call the destination may split further).
 *
 * @param audience    the audience from {@link Destination#ensureAudience}
 * @param operation   add, remove or update
 * @param members     the rows; keys are unique within a batch
 * @param sequence    0-based position of this batch in the run, for APIs with sessions (Facebook)
 * @param lastBatch   whether this is the last batch of this operation in the run
 * @param totalInRun  estimated number of rows of this operation in the run
 */
public record Batch(AudienceRef audience, Operation operation, List<Member> members, int sequence, boolean lastBatch,
                    long totalInRun) {
    public Batch {
        members = List.copyOf(members);
    }

    public int size() {
        return members.size();
    }
}
