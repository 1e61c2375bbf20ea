package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.config.ProjectLoader;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.SyncMode;
import io.seglift.sync.plan.Exclusion;
import io.seglift.sync.runs.RunStatus;
import io.seglift.sync.state.BatchCommitter;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.warehouse.Warehouses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Wire codes do not depend on the default locale (under Turkish rules "MIRROR".toLowerCase() is "mırror"). */
class LocaleIndependenceTest {
    /** A case conversion or format that silently uses the default locale. */
    private static final Pattern DEFAULT_LOCALE_CALL = Pattern.compile(
            "\\.to(Lower|Upper)Case\\(\\)|String\\.format\\(\\s*\"|\"\\s*\\.formatted\\(");

    @TempDir
    Path dir;

    @Test
    void noMainSourceConvertsCaseOrFormatsWithTheDefaultLocale() throws IOException {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (DEFAULT_LOCALE_CALL.matcher(lines.get(i)).find()) {
                        found.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("use Locale.ROOT").isEmpty();
    }

    @Test
    void codesReadAndWriteTheSameUnderATurkishLocale() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
        try {
            assertThat("MIRROR".toLowerCase()).as("the JVM applies Turkish rules").isNotEqualTo("mirror");
            assertThat(SyncMode.fromYaml("mirror")).isEqualTo(SyncMode.MIRROR);
            assertThat(RunStatus.FAILED.code()).isEqualTo("failed");
            assertThat(Exclusion.NO_IDENTIFIER.code()).isEqualTo("no_identifier");
            assertThat(BatchCommitter.op(Operation.ADD)).isEqualTo("add");
            Path file = dir.resolve("seglift.yaml");
            Files.writeString(file, """
                    project: acme
                    warehouse: {type: duckdb}
                    sources:
                      customers: {table: raw.customers, key: customer_id}
                      orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
                    segments:
                      lapsed:
                        rule: "recency_days > 90"
                    destinations:
                      hook:
                        type: webhook
                        base_url: http://127.0.0.1:9/hook
                        signing_secret: ${env:SECRET}
                        channel: email
                    syncs:
                      - {name: s, segment: lapsed, destination: hook, mode: mirror}
                    """);
            ProjectConfig p = new ProjectLoader(Warehouses.discover(), Destinations.discover(), Map.of("SECRET", "x"))
                    .load(file);
            assertThat(p.syncs().get(0).mode()).isEqualTo(SyncMode.MIRROR);
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("connectors/spi"))) p = p.getParent();
        assertThat(p).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }
}
