package io.seglift.testkit;

import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.RowStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Pushes many members through a destination at the connector level the way the engine does (batches of
 * {@code maxBatchSize}, a sequence and the run total for sessions, a re-push of the same batch after every retriable
 * failure, without sleeping), so a test can put it against a sandbox injecting faults and check nothing is lost.
 */
public final class FaultyRun {

    /**
     * What happened.
     *
     * @param members  members pushed
     * @param batches  batches
     * @param attempts push calls, including retries
     * @param retries  retriable failures by code
     * @param ok       rows OK
     * @param rejected rows rejected
     * @param seconds  wall time
     */
    public record Summary(int members, int batches, int attempts, Map<String, Integer> retries, long ok, long rejected,
                          double seconds) {
        public int retryCount() {
            return retries.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d members in %d batches: %d push calls, %d retried %s, %d ok, %d rejected,"
                    + " %.1f s", members, batches, attempts, retryCount(), retries, ok, rejected, seconds);
        }
    }

    private FaultyRun() {
    }

    /**
     * Adds {@code count} members made by {@code member} to {@code audience} in batches of {@code size} (the
     * capabilities' maximum), retrying each batch up to 50 times.
     */
    public static Summary add(Destination d, int size, AudienceRef audience, int count, IntFunction<Member> member) {
        int batches = (count + size - 1) / size;
        long start = System.nanoTime();
        int attempts = 0;
        long ok = 0;
        long rejected = 0;
        Map<String, Integer> retries = new HashMap<>();
        for (int b = 0; b < batches; b++) {
            List<Member> ms = new ArrayList<>(size);
            for (int i = b * size; i < Math.min(count, (b + 1) * size); i++) ms.add(member.apply(i));
            Batch batch = Batch.builder(audience, Operation.ADD, ms).sequence(b).lastBatch(b == batches - 1).totalInRun(count).build();
            BatchResult result = null;
            while (result == null) {
                if (++attempts > batches * 50) throw new AssertionError("batch " + b + " never went through");
                try {
                    result = d.push(batch).requireCovers(batch);
                } catch (RetriableDestinationException e) {
                    retries.merge(e.code(), 1, Integer::sum);
                }
            }
            ok += result.count(RowStatus.OK);
            rejected += result.count(RowStatus.REJECTED);
        }
        return new Summary(count, batches, attempts, Map.copyOf(retries), ok, rejected, (System.nanoTime() - start) / 1e9);
    }
}
