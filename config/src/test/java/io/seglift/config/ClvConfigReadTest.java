package io.seglift.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.seglift.config.TestLoaders.loader;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code scoring.clv}: defaults, values, and problems on their line. */
class ClvConfigReadTest {
    private static final String MINIMAL = """
            project: acme
            warehouse: {type: duckdb}
            sources:
              customers: {table: raw.customers, key: customer_id}
              orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
            """;

    @TempDir
    Path dir;

    private ProjectLoader.Result read(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("seglift.yaml"), yaml);
        return loader().read(file);
    }

    @Test
    void defaultsWithoutTheBlockAndValuesWithIt() throws IOException {
        assertThat(read(MINIMAL).orThrow().scoring().clv()).isEqualTo(ClvConfig.defaults());
        ClvConfig clv = read(MINIMAL + """
                scoring:
                  clv: {horizon_months: 24, discount_rate: 0.1, calibration_end: 1997-09-30}
                """).orThrow().scoring().clv();
        assertThat(clv).isEqualTo(new ClvConfig(24, 0.1, Optional.of(LocalDate.of(1997, 9, 30)), 0));
        assertThat(clv.calibrationEndFor(LocalDate.of(1998, 7, 1))).isEqualTo(LocalDate.of(1997, 9, 30));
        assertThat(new ClvConfig(12, 0, Optional.empty(), 2).calibrationEndFor(LocalDate.of(2024, 3, 1)))
                .isEqualTo(LocalDate.of(2024, 2, 15));
    }

    @Test
    void mistakesAreReportedOnTheirLine() throws IOException {
        List<Problem> problems = read(MINIMAL + """
                scoring:
                  clv:
                    horizon_months: 0
                    discount_rate: 1.5
                    calibration_end: 30/09/1997
                    horizon: 12
                """).problems();
        assertThat(problems).extracting(Problem::line).contains(8, 9, 10, 11);
        assertThat(problems).anySatisfy(p -> assertThat(p.toString()).contains("scoring.clv.horizon_months", "out of range"))
                .anySatisfy(p -> assertThat(p.toString()).contains("discount_rate", "allowed: 0 to below 1"))
                .anySatisfy(p -> assertThat(p.toString()).contains("calibration_end", "'30/09/1997' is not a date"))
                .anySatisfy(p -> assertThat(p.toString()).contains("horizon"));
        assertThat(read(MINIMAL + """
                scoring:
                  clv: {calibration_end: 1997-09-30, holdout_weeks: 39}
                """).problems()).anySatisfy(p -> assertThat(p.toString()).contains("holdout_weeks",
                "give calibration_end or holdout_weeks, not both"));
    }
}
