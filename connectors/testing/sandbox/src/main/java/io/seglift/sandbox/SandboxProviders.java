package io.seglift.sandbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sandbox providers on the class path, by destination type. Two providers may not claim the same type, default
 * port or environment variable, since {@code seglift sandbox} and {@code demo.env} use them side by side.
 */
public final class SandboxProviders {
    private final Map<String, SandboxProvider> byType;

    public SandboxProviders(Iterable<SandboxProvider> providers) {
        Map<String, SandboxProvider> m = new TreeMap<>();
        Map<Integer, String> ports = new HashMap<>();
        Map<String, String> variables = new HashMap<>();
        for (SandboxProvider p : providers) {
            if (m.put(p.type(), p) != null) {
                throw new IllegalStateException("two sandbox providers claim type '" + p.type() + "'");
            }
            String portOwner = ports.putIfAbsent(p.defaultPort(), p.type());
            if (portOwner != null) {
                throw new IllegalStateException("sandbox providers '" + portOwner + "' and '" + p.type()
                        + "' both declare default port " + p.defaultPort() + "; each needs its own");
            }
            for (String variable : p.demoEnvironment(p.defaultBaseUrl()).keySet()) {
                String owner = variables.putIfAbsent(variable, p.type());
                if (owner != null) {
                    throw new IllegalStateException("sandbox providers '" + owner + "' and '" + p.type()
                            + "' both declare environment variable " + variable + "; each needs its own");
                }
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

    public Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }

    /** Every provider, by type. */
    public Collection<SandboxProvider> all() {
        return new TreeMap<>(byType).values();
    }
}
