package io.seglift.serve;

import io.seglift.sync.RunSummary;

import java.util.function.BooleanSupplier;

/** Runs one sync by name; {@code stop} turns true when the server shuts down (finish the batch in flight, then stop). */
@FunctionalInterface
public interface SyncRunner {
    RunSummary run(String syncName, BooleanSupplier stop);
}
