package io.seglift.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The sandbox providers on the class path, by destination type. */
public final class SandboxProviders {
    private final Map<String, SandboxProvider> byType;

    public SandboxProviders(Iterable<SandboxProvider> providers) {
        Map<String, SandboxProvider> m = new TreeMap<>();
        for (SandboxProvider p : providers) {
            if (m.put(p.type(), p) != null) {
                throw new IllegalStateException("two sandbox providers claim type '" + p.type() + "'");
            }
        }
        this.byType = Map.copyOf(m);
    }

    public static SandboxProviders discover() {
        return new SandboxProviders(ServiceLoader.load(SandboxProvider.class));
    }

    public Optional<SandboxProvider> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public java.util.Set<String> types() {
        return new java.util.TreeSet<>(byType.keySet());
    }
}
