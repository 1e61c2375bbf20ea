package io.seglift.config;

import io.seglift.spi.destination.Destinations;
import io.seglift.spi.warehouse.Warehouses;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

final class TestLoaders {
    static final String TOKEN = "pat-na1-very-secret-value-42";

    private TestLoaders() {
    }

    static ProjectLoader loader(Map<String, String> env) {
        return new ProjectLoader(new Warehouses(List.of(new DuckDbWarehouseFactory())),
                new Destinations(List.of(new FakeDestinationFactory("hubspot"), new FakeDestinationFactory("klaviyo"))),
                env);
    }

    static ProjectLoader loader() {
        return loader(Map.of("HUBSPOT_TOKEN", TOKEN, "HUBSPOT_BASE_URL", "http://localhost:8089"));
    }

    static Path resource(String name) {
        try {
            return Path.of(TestLoaders.class.getResource("/projects/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
