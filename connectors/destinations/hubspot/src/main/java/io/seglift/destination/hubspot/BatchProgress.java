package io.seglift.destination.hubspot;

import io.seglift.spi.destination.Batch;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HubSpot calls of one batch that have succeeded. A batch takes several calls (upserts of 100 rows, list changes of
 * 500 ids); when one fails after the others succeeded, the engine retries the whole push with the same {@link Batch}
 * object, and the calls recorded here are answered from memory instead of being sent again. Only the batch in flight
 * is remembered, in memory: a process that dies mid-batch has committed none of its rows, so the next run sends them
 * again, which HubSpot takes as a no-op (upserts by email, list adds of members and removes of non-members are
 * idempotent).
 */
final class BatchProgress {
    /** No batch in flight. */
    static final BatchProgress NONE = new BatchProgress(null);

    private final Batch batch;
    private final Map<String, Object> done = new HashMap<>();

    BatchProgress(Batch batch) {
        this.batch = batch;
    }

    /** Whether this is the progress of {@code other} (the very object: a retry of the same push). */
    boolean isFor(Batch other) {
        return batch != null && batch == other;
    }

    /** The result {@code step} had, or that of {@code call}, remembered when it returns. */
    @SuppressWarnings("unchecked")
    <T> T once(String step, Supplier<T> call) {
        if (batch == null) return call.get();
        if (done.containsKey(step)) return (T) done.get(step);
        T result = call.get();
        done.put(step, result);
        return result;
    }
}
