package io.seglift.scoring.clv;

import io.seglift.config.ClvConfig;
import io.seglift.config.OrdersSource;
import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits BG/NBD and Gamma-Gamma on the calibration period and scores every buyer as of a date into
 * {@code clv_scores}.
 *
 * <p>The per-customer summaries are computed in the warehouse ({@link ClvSummarySql}); only they cross to the JVM,
 * streamed. The fit holds the numeric summaries (x, t_x, T, m, holdout: five doubles per customer, no keys) in arrays,
 * which is what a maximum-likelihood fit needs; above {@link #MAX_FIT_CUSTOMERS} customers it holds a seeded reservoir
 * sample of that size instead, so the fit's memory is bounded and repeatable. Scoring streams the summaries as of the
 * date, scores each customer, spills the scores to a temporary file (the warehouse connection cannot write while it
 * streams) and writes them with the warehouse's bulk writer in one transaction that first clears that as-of date.
 */
public final class ClvScorer {
    /** Customers held for the fit; more are sampled down to this many with {@link #SAMPLE_SEED}. */
    public static final int MAX_FIT_CUSTOMERS = 500_000;
    /** Seed of the fit's reservoir sample. */
    public static final long SAMPLE_SEED = 20050101L;

    private final Warehouse w;
    private final Dialect d;
    private final ClvSummarySql sql;
    private final ClvConfig config;
    private final Clock clock;
    private final int maxFitCustomers;

    public ClvScorer(Warehouse warehouse, OrdersSource orders, ClvConfig config, Clock clock) {
        this(warehouse, orders, config, clock, MAX_FIT_CUSTOMERS);
    }

    ClvScorer(Warehouse warehouse, OrdersSource orders, ClvConfig config, Clock clock, int maxFitCustomers) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.sql = new ClvSummarySql(orders, d);
        this.config = config;
        this.clock = clock;
        this.maxFitCustomers = maxFitCustomers;
    }

    /** The calibration summaries for {@code asOf}, sampled to at most the fit's maximum; the count of all is returned in {@code total[0]}. */
    Summaries calibration(LocalDate asOf, long[] total) {
        LocalDate end = calibrationEnd(asOf);
        Summaries s = new Summaries();
        SplittableRandom random = new SplittableRandom(SAMPLE_SEED);
        long[] seen = {0};
        w.query(sql.select(end, asOf), List.of(), r -> {
            long i = seen[0]++;
            if (i < maxFitCustomers) {
                s.add(x(r), r.doubleValue("t_x"), r.doubleValue("age"), m(r), r.longValue("holdout"));
            } else {
                long j = random.nextLong(i + 1);
                if (j < maxFitCustomers) {
                    s.set((int) j, x(r), r.doubleValue("t_x"), r.doubleValue("age"), m(r), r.longValue("holdout"));
                }
            }
        });
        total[0] = seen[0];
        return s;
    }

    private LocalDate calibrationEnd(LocalDate asOf) {
        LocalDate end = config.calibrationEndFor(asOf);
        if (!end.isBefore(asOf)) {
            throw new IllegalArgumentException("scoring.clv.calibration_end (" + end + ") must be before the as-of date "
                    + asOf + " (purchases before the as-of date count)");
        }
        return end;
    }

    private static double x(Row r) {
        return r.longValue("x");
    }

    private static double m(Row r) {
        Double m = r.doubleValue("m");
        return m == null ? Double.NaN : m;
    }

    /** Fits on the calibration period and scores {@code asOf}, replacing any earlier run for that date only. */
    public ClvResult score(LocalDate asOf) {
        Instant start = clock.instant();
        long[] total = {0};
        Summaries calibration = calibration(asOf, total);
        if (calibration.size() == 0) {
            throw new IllegalArgumentException("no purchases on or before the calibration end "
                    + calibrationEnd(asOf) + ": nothing to fit CLV on");
        }
        LocalDate end = calibrationEnd(asOf);
        BgNbdParams bg = BgNbd.fit(calibration);
        GammaGammaParams gg = GammaGamma.fit(calibration);
        double holdoutWeeks = ChronoUnit.DAYS.between(end, asOf.minusDays(1)) / 7.0;
        FitDiagnostics diagnostics = FitDiagnostics.of(bg, calibration, holdoutWeeks);
        double[] sums = write(asOf, bg, gg);
        long scored = (long) sums[0];
        return new ClvResult(asOf, end, calibration.size(), total[0], bg, gg, diagnostics, config.horizonMonths(),
                config.discountRate(), scored, scored == 0 ? 0 : sums[1] / scored, sums[2],
                Duration.between(start, clock.instant()));
    }

    /** Scores every buyer before {@code asOf}; returns {count, sum of P(alive), sum of CLV}. */
    private double[] write(LocalDate asOf, BgNbdParams bg, GammaGammaParams gg) {
        double[] sums = new double[3];
        Path spill = null;
        try {
            spill = Files.createTempFile("seglift-clv-", ".bin");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill)))) {
                w.query(sql.select(asOf.minusDays(1), asOf), List.of(), r -> {
                    double x = x(r);
                    double tx = r.doubleValue("t_x");
                    double age = r.doubleValue("age");
                    double m = m(r);
                    CustomerValue v = CustomerValue.of(bg, gg, x, tx, age, m, config.horizonMonths(), config.discountRate());
                    try {
                        out.writeUTF(r.string("customer_key"));
                        for (double value : new double[]{x, tx, age, m, v.pAlive(), v.expectedPurchases(),
                                v.expectedAov(), v.clv()}) {
                            out.writeDouble(value);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    sums[0]++;
                    sums[1] += v.pAlive();
                    if (Double.isFinite(v.clv())) sums[2] += v.clv();
                });
            }
            long count = (long) sums[0];
            Path file = spill;
            TableName table = w.own(SegliftTables.CLV_SCORES);
            w.inTransaction(tx -> {
                tx.execute("DELETE FROM " + d.table(table) + " WHERE as_of = " + d.dateLiteral(asOf));
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
                     BulkWriter writer = tx.bulkWriter(table, ClvScoresMigration.COLUMNS)) {
                    for (long i = 0; i < count; i++) {
                        String key = in.readUTF();
                        double[] v = new double[8];
                        for (int k = 0; k < v.length; k++) v[k] = in.readDouble();
                        writer.row(asOf, key, (long) v[0], v[1], v[2], finite(v[3]), v[4], v[5], finite(v[6]), finite(v[7]));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill CLV scores to a temporary file: " + e.getMessage(), e);
        } finally {
            if (spill != null) {
                try {
                    Files.deleteIfExists(spill);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
