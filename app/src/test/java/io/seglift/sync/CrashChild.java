package io.seglift.sync;

import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The engine in a process of its own, for {@link CrashRecoveryTest}: {@code CrashChild <duckdb file> <project dir>
 * <sandbox url> <requests per second>}. Runs the fixture sync once and exits.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        URI sandbox = URI.create(args[2]);
        int perSecond = Integer.parseInt(args[3]);
        try (Warehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + db, "seglift",
                new io.seglift.spi.settings.Settings("w", "duckdb", java.util.Map.of()))) {
            RunSummary s = new SyncEngine(EngineOptions.defaults(), ProfileView::sql).run(
                    HubSpotSync.project(dir, sandbox, Optional.of(new RateLimit("default", perSecond, Duration.ofSeconds(1)))),
                    HubSpotSync.sync(), w, Destinations.discover());
            System.out.println("finished " + s.status() + " " + s.added());
        }
    }
}
