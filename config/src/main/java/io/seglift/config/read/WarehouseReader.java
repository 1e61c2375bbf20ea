package io.seglift.config.read;

import io.seglift.config.WarehouseConfig;
import io.seglift.spi.warehouse.WarehouseFactory;
import io.seglift.spi.warehouse.Warehouses;

import java.util.Optional;

/** Reads {@code warehouse:}: the type picks the factory whose spec checks the remaining keys. */
public final class WarehouseReader {
    /** Where Seglift keeps its own tables unless told otherwise. */
    public static final String DEFAULT_SCHEMA = "seglift";

    private WarehouseReader() {
    }

    public static Optional<WarehouseConfig> read(YamlMap m, Warehouses warehouses) {
        Optional<String> type = m.required("type").flatMap(YamlValue::nonBlank);
        Optional<String> schema = m.get("schema").map(YamlValue::identifier).orElse(Optional.of(DEFAULT_SCHEMA));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<WarehouseFactory> factory = warehouses.find(type.get());
        if (factory.isEmpty()) {
            m.get("type").get().error(References.unknown("warehouse type", type.get(), warehouses.all().keySet())
                    .replace("defined:", "available:").replace("none are defined", "none are available"));
            return Optional.empty();
        }
        return ConnectorBlock.read(m, "warehouse", type.get(), factory.get().configSpec(), Keys.WAREHOUSE)
                .flatMap(settings -> schema.map(s -> new WarehouseConfig(type.get(), s, settings)));
    }
}
