package io.seglift.spi.warehouse;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The warehouse factories on the class path, by type. Built once by the caller and passed in. */
public final class Warehouses {
    private final Map<String, WarehouseFactory> byType;

    public Warehouses(Iterable<WarehouseFactory> factories) {
        Map<String, WarehouseFactory> m = new TreeMap<>();
        for (WarehouseFactory f : factories) {
            if (m.put(f.type(), f) != null) {
                throw new IllegalStateException("two warehouse factories claim type '" + f.type() + "'");
            }
        }
        this.byType = Map.copyOf(m);
    }

    public static Warehouses discover() {
        return new Warehouses(ServiceLoader.load(WarehouseFactory.class));
    }

    public Map<String, WarehouseFactory> all() {
        return new TreeMap<>(byType);
    }

    public Optional<WarehouseFactory> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
