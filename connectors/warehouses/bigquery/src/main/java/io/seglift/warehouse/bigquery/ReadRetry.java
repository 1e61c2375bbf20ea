package io.seglift.warehouse.bigquery;

import io.seglift.spi.time.Sleeper;
import io.seglift.spi.warehouse.WarehouseException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a read whose API call answered 500, 502, 503 or 504, with doubling waits. The client library retries only
 * rate-limit messages and broken connections for {@code jobs.query}; a SELECT is safe to send again, a DML statement
 * is not (a 5xx does not say whether it ran), so only reads come through here.
 */
final class ReadRetry {
    static final int ATTEMPTS = 4;
    private final int attempts;
    private final Duration firstWait;
    private final Sleeper sleeper;

    ReadRetry(int attempts, Duration firstWait, Sleeper sleeper) {
        this.attempts = attempts;
        this.firstWait = firstWait;
        this.sleeper = sleeper;
    }

    <T> T call(Supplier<T> read) {
        Duration wait = firstWait;
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (BigQueryWarehouseException e) {
                if (attempt >= attempts || !isServerError(e.httpCode())) {
                    throw e;
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WarehouseException("interrupted while waiting to retry a BigQuery read", e);
            }
            wait = wait.multipliedBy(2);
        }
    }

    private static boolean isServerError(int code) {
        return code == 500 || code == 502 || code == 503 || code == 504;
    }
}
