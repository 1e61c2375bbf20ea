package io.seglift.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables the demo project file refers to. The demo's destinations are local sandboxes, so their
 * tokens are throw-away values; base URLs point at the fixed ports {@code seglift sandbox} serves on (the demo's own
 * sandbox stage starts its sandboxes on free ports and sets their addresses). {@code seglift init --demo} also writes them to {@code DIR/demo.env} so that other
 * commands can be run on the demo project after {@code source demo.env}.
 */
public final class DemoEnvironment {
    public static final String FILE_NAME = "demo.env";
    /** Ports {@code seglift sandbox} listens on, by destination type, so {@code demo.env} can name them. */
    public static final Map<String, Integer> SANDBOX_PORTS = Map.of("hubspot", 18681, "klaviyo", 18682,
            "facebook", 18683, "webhook", 18684);

    private DemoEnvironment() {
    }

    /** Variable to demo value, in the order of the project file. */
    public static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("HUBSPOT_TOKEN", "demo-sandbox-hubspot-token");
        m.put("HUBSPOT_BASE_URL", sandboxUrl("hubspot"));
        m.put("KLAVIYO_API_KEY", "demo-sandbox-klaviyo-key");
        m.put("KLAVIYO_BASE_URL", sandboxUrl("klaviyo"));
        m.put("FACEBOOK_ACCESS_TOKEN", "demo-sandbox-facebook-token");
        m.put("FACEBOOK_BASE_URL", sandboxUrl("facebook"));
        return m;
    }

    /** Where {@code seglift sandbox} serves a destination type's sandbox. */
    public static String sandboxUrl(String destinationType) {
        return "http://127.0.0.1:" + SANDBOX_PORTS.get(destinationType);
    }

    /** The variable holding the base URL of a destination type's sandbox, e.g. {@code HUBSPOT_BASE_URL}. */
    public static String baseUrlVariable(String destinationType) {
        return destinationType.toUpperCase(java.util.Locale.ROOT) + "_BASE_URL";
    }

    /** {@code env} with every demo variable it lacks filled in with its demo value. */
    public static Map<String, String> withDefaults(Map<String, String> env) {
        Map<String, String> m = new LinkedHashMap<>(env);
        defaults().forEach(m::putIfAbsent);
        return m;
    }

    /** Writes {@code dir/demo.env} (shell {@code export} lines); returns its path. */
    public static Path write(Path dir) {
        StringBuilder text = new StringBuilder("# Demo sandbox settings for the destinations in seglift.yaml; "
                + "use with: source demo.env\n# Start the sandboxes first with `seglift sandbox` (in another terminal); `seglift demo` starts its own.\n");
        defaults().forEach((k, v) -> text.append("export ").append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
