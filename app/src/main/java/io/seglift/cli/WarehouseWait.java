package io.seglift.cli;

import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.time.Sleeper;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How long a command waits for an embedded warehouse (a DuckDB file) that another process holds open, before it
 * gives up with {@link ExitCode#LOCKED}. Only an embedded engine's file lock is waited for; any other failure to open
 * ends the command at once. The limit comes from {@value #ENV} (seconds, default 30); waiting goes through the
 * injected {@link Sleeper}, so tests never sleep.
 */
final class WarehouseWait {
    static final String ENV = "SEGLIFT_WAREHOUSE_WAIT";
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);
    static final Duration INTERVAL = Duration.ofMillis(500);

    /** DuckDB's message when another process holds the database file. */
    private static final String FILE_LOCK_HELD = "Could not set lock on file";

    private final Duration limit;
    private final Sleeper sleeper;

    WarehouseWait(Duration limit, Sleeper sleeper) {
        this.limit = limit;
        this.sleeper = sleeper;
    }

    /** The limit from {@value #ENV} in {@code env}; a value that is not a whole number of seconds is refused. */
    static WarehouseWait fromEnv(Map<String, String> env, Sleeper sleeper) {
        String value = env.get(ENV);
        if (value == null || value.isBlank()) return new WarehouseWait(DEFAULT_LIMIT, sleeper);
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= 0) return new WarehouseWait(Duration.ofSeconds(seconds), sleeper);
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new CliException(ExitCode.INVALID, "environment variable " + ENV + ": '" + value
                + "' is not allowed (a whole number of seconds, 0 or more, e.g. 60)");
    }

    /** The same sleeper, no waiting: a busy warehouse fails at once. */
    WarehouseWait none() {
        return new WarehouseWait(Duration.ZERO, sleeper);
    }

    /** Opens with {@code opener}, retrying while another process holds the embedded warehouse, up to the limit. */
    Warehouse open(Supplier<Warehouse> opener) {
        Duration waited = Duration.ZERO;
        while (true) {
            try {
                return opener.get();
            } catch (RuntimeException e) {
                if (!heldByAnotherProcess(e)) throw e;
                if (waited.compareTo(limit) >= 0) {
                    throw new CliException(ExitCode.LOCKED, "busy: another process holds the warehouse file (" + holder(e)
                            + "); waited " + waited.toSeconds() + " s; nothing done, retry later (" + ENV
                            + "=SECONDS waits longer)", e);
                }
                try {
                    sleeper.sleep(INTERVAL);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new CliException(ExitCode.LOCKED, "busy: interrupted while waiting for the warehouse file; nothing done", e);
                }
                waited = waited.plus(INTERVAL);
            }
        }
    }

    static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(FILE_LOCK_HELD)) return true;
        }
        return false;
    }

    private static String holder(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf("Conflicting lock is held in");
            if (at >= 0) {
                int end = m.indexOf(')', at);
                return m.substring(at, end < 0 ? m.length() : end + 1);
            }
        }
        return "DuckDB file lock";
    }
}
