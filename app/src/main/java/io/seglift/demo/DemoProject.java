package io.seglift.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The demo project file, rendered from the template resource {@code seglift-demo.yaml}. */
public final class DemoProject {
    public static final String FILE_NAME = "seglift.yaml";
    public static final String DATABASE_NAME = "demo.duckdb";
    private static final String TEMPLATE = "seglift-demo.yaml";

    private DemoProject() {
    }

    /** The project file text for the given spec. */
    public static String render(DemoSpec spec) {
        String text = template();
        Map<String, String> values = Map.of(
                "seed", Long.toString(spec.seed()),
                "customers", String.format(java.util.Locale.ROOT, "%,d", spec.customers()),
                "history_start", spec.historyStart().toString(),
                "as_of", spec.asOf().toString());
        for (var e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return text;
    }

    /** Writes {@code dir/seglift.yaml}; returns its path. */
    public static Path write(Path dir, DemoSpec spec) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, render(spec), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String template() {
        try (InputStream in = DemoProject.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) throw new IllegalStateException("the demo template " + TEMPLATE + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
