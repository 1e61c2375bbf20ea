package io.seglift.cli;

import io.seglift.demo.DemoEnvironment;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouses;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with stdout and stderr captured. */
record CliRun(int exitCode, String out, String err) {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T08:00:00Z"), ZoneOffset.UTC);

    /** A session with the demo environment and every destination type the demo project names. */
    static Session session() {
        return new Session(Warehouses.discover(), destinations(), DemoEnvironment.defaults(), CLOCK, Progress.NONE);
    }

    static synchronized CliRun run(Session session, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(session, args);
            System.out.flush();
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * The discovered destinations, plus a configuration-only stand-in for each demo destination type whose connector
     * is not on this module's class path yet, so the demo project can be validated here.
     */
    static Destinations destinations() {
        List<DestinationFactory> all = new ArrayList<>();
        Destinations.discover().all().values().forEach(all::add);
        Map<String, ConfigSpec> demoTypes = Map.of(
                "hubspot", ConfigSpec.of(ConfigKey.required("token", ConfigKey.Type.SECRET, "token"),
                        ConfigKey.optional("base_url", ConfigKey.Type.URL, null, "base URL")),
                "klaviyo", ConfigSpec.of(ConfigKey.required("api_key", ConfigKey.Type.SECRET, "key"),
                        ConfigKey.optional("base_url", ConfigKey.Type.URL, null, "base URL")),
                "facebook", ConfigSpec.of(ConfigKey.required("access_token", ConfigKey.Type.SECRET, "token"),
                        ConfigKey.required("ad_account_id", ConfigKey.Type.STRING, "act_ id"),
                        ConfigKey.optional("base_url", ConfigKey.Type.URL, null, "base URL")));
        demoTypes.forEach((type, spec) -> {
            if (all.stream().noneMatch(f -> f.type().equals(type))) all.add(new ConfigOnly(type, spec));
        });
        return new Destinations(all);
    }

    private record ConfigOnly(String type, ConfigSpec configSpec) implements DestinationFactory {
        @Override
        public String description() {
            return "configuration-only stand-in for tests";
        }

        @Override
        public io.seglift.spi.destination.Capabilities capabilities(Settings settings) {
            throw new UnsupportedOperationException("the " + type + " connector is not on this class path");
        }

        @Override
        public Destination create(Settings settings, DestinationContext context) {
            throw new UnsupportedOperationException("the " + type + " connector is not on this class path");
        }
    }
}
