package io.seglift.spi.destination;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The destination factories on the class path, by type. Built once by the caller and passed in. */
public final class Destinations {
    private final Map<String, DestinationFactory> byType;

    public Destinations(Iterable<DestinationFactory> factories) {
        Map<String, DestinationFactory> m = new TreeMap<>();
        for (DestinationFactory f : factories) {
            DestinationFactory prior = m.put(f.type(), f);
            if (prior != null) {
                throw new IllegalStateException("two destination factories claim type '" + f.type() + "': "
                        + prior.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        this.byType = Map.copyOf(m);
    }

    public static Destinations discover() {
        return new Destinations(ServiceLoader.load(DestinationFactory.class));
    }

    public Map<String, DestinationFactory> all() {
        return new TreeMap<>(byType);
    }

    public java.util.Optional<DestinationFactory> find(String type) {
        return java.util.Optional.ofNullable(byType.get(type));
    }
}
