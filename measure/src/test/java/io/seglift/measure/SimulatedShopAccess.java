package io.seglift.measure;

import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Lets tests in other packages build a report over {@link SimulatedShop}. */
public final class SimulatedShopAccess {
    private SimulatedShopAccess() {
    }

    public static MeasurementReport report(long seed) {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            var project = new SimulatedShop(w, seed).build();
            return new Measurement(project, w, Clock.fixed(Instant.parse("2024-06-01T08:30:00Z"), ZoneOffset.UTC))
                    .report(Optional.empty());
        }
    }
}
