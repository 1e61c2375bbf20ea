package io.seglift.demo;

import io.seglift.sandbox.SandboxProvider;
import io.seglift.sandbox.SandboxProviders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables a demo project reads, derived from the sandbox providers on the class path: each provider's
 * throw-away credentials and the base URL of its sandbox on the provider's default port, where {@code seglift sandbox}
 * serves it (the demo's own sandbox stage starts its sandboxes on free ports and sets their addresses).
 * {@code seglift init --demo} writes them to {@code DIR/demo.env} so that other commands can be run on the demo project
 * after {@code source demo.env}.
 */
public final class DemoEnvironment {
    public static final String FILE_NAME = "demo.env";
    private final SandboxProviders providers;

    public DemoEnvironment(SandboxProviders providers) {
        this.providers = providers;
    }

    /** The demo environment of the providers found by {@link java.util.ServiceLoader}. */
    public static DemoEnvironment discover() {
        return new DemoEnvironment(SandboxProviders.discover());
    }

    /** Variable to demo value, provider by provider in order of destination type. */
    public Map<String, String> variables() {
        Map<String, String> m = new LinkedHashMap<>();
        for (SandboxProvider p : providers.all()) {
            m.putAll(p.demoEnvironment(p.defaultBaseUrl()));
        }
        return m;
    }

    /** {@code env} with every demo variable it lacks filled in with its demo value. */
    public Map<String, String> fill(Map<String, String> env) {
        Map<String, String> m = new LinkedHashMap<>(env);
        variables().forEach(m::putIfAbsent);
        return m;
    }

    /** Writes {@code dir/demo.env} (shell {@code export} lines); returns its path. */
    public Path writeTo(Path dir) {
        StringBuilder text = new StringBuilder("# Demo sandbox settings for the destinations in seglift.yaml; "
                + "use with: source demo.env\n# Start the sandboxes first with `seglift sandbox` (in another terminal); "
                + "`seglift demo` starts its own.\n");
        variables().forEach((k, v) -> text.append("export ").append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** {@link #variables()} of the providers on the class path. */
    public static Map<String, String> defaults() {
        return discover().variables();
    }

    /** {@link #fill} with the providers on the class path. */
    public static Map<String, String> withDefaults(Map<String, String> env) {
        return discover().fill(env);
    }

    /** {@link #writeTo} with the providers on the class path. */
    public static Path write(Path dir) {
        return discover().writeTo(dir);
    }
}
