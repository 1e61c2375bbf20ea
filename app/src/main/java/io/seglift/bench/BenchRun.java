package io.seglift.bench;

import io.seglift.config.ProjectConfig;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.Warehouses;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs the bench: a fresh {@link BenchProject}, then each selected measure; also the scaling run. Warehouses are
 * opened by the given function (the CLI's, which brings Seglift's tables up to date).
 */
public final class BenchRun {
    /** Steps of the scaling run, in order. */
    public static final List<String> SCALING_STEPS = List.of("rfm", "segments", "scoring", "plan");
    /** Boosting rounds of the scaling run's model: training is untimed setup there. */
    static final int SCALING_ROUNDS = 20;

    private final Warehouses warehouses;
    private final Destinations destinations;
    private final Function<ProjectConfig, Warehouse> opener;
    private final Clock clock;
    private final Progress progress;
    private final PrintStream log;

    public BenchRun(Warehouses warehouses, Destinations destinations, Function<ProjectConfig, Warehouse> opener,
                    Clock clock, Progress progress, PrintStream log) {
        this.warehouses = warehouses;
        this.destinations = destinations;
        this.opener = opener;
        this.clock = clock;
        this.progress = progress;
        this.log = log;
    }

    /** The selected measures ({@code only} empty: all) on {@code customers} customers, medians of {@code repeats}. */
    public List<Measurement> measures(long customers, int repeats, List<String> only) throws Exception {
        List<Measure> selected = Measures.select(Measures.all(destinations), only);
        Alternation alt = new Alternation(repeats, System::nanoTime);
        List<Measurement> out = new ArrayList<>();
        loadAverage("start");
        try (BenchProject p = generate(customers, 0)) {
            ProjectConfig project = p.load(warehouses, destinations);
            try (Warehouse w = opener.apply(project)) {
                BenchContext ctx = new BenchContext(project, w, clock, progress, log);
                for (Measure m : selected) {
                    out.addAll(measure(ctx, m, alt, repeats));
                }
            }
        }
        loadAverage("end");
        return out;
    }

    /** RFM, segments, scoring and plan at each size: wall time and peak heap of each step. */
    public List<ScalingPoint> scaling(List<Long> sizes) throws Exception {
        List<ScalingPoint> out = new ArrayList<>();
        for (long n : sizes) {
            loadAverage(n + " customers");
            try (BenchProject p = generate(n, SCALING_ROUNDS)) {
                ProjectConfig project = p.load(warehouses, destinations);
                try (Warehouse w = opener.apply(project)) {
                    out.addAll(scalingSteps(new BenchContext(project, w, clock, progress, log), n));
                }
            }
        }
        return out;
    }

    private List<ScalingPoint> scalingSteps(BenchContext ctx, long n) throws Exception {
        List<ScalingPoint> out = new ArrayList<>();
        out.add(point(ctx, n, "rfm", () -> ctx.rfmScorer().score(ctx.asOf())));
        out.add(point(ctx, n, "segments", () -> new SegmentBuilder(ctx.warehouse(), ctx.project(), clock)
                .build(ctx.segment(), ctx.asOf())));
        ctx.model();
        out.add(point(ctx, n, "scoring", () -> ctx.models().score(ctx.model(), ctx.modelConfig(), ctx.asOf(),
                RescoreMeasure.PATH)));
        new SyncStateWithChurn(ctx).fill();
        out.add(point(ctx, n, "plan", () -> PlanMeasure.plan(ctx, destinations)));
        return out;
    }

    private static List<Measurement> measure(BenchContext ctx, Measure m, Alternation alt, int repeats)
            throws Exception {
        ctx.note(m.name() + ": running Seglift and the baseline alternately, " + repeats + " times each");
        List<Measurement> rows = m.rows(ctx, alt);
        for (Measurement r : rows) {
            ctx.note(String.format(Locale.ROOT, "%s: Seglift %.3f s, baseline %.3f s, ratio %.2f", r.measure(),
                    r.seglift(), r.baseline(), r.ratio()));
        }
        return rows;
    }

    private ScalingPoint point(BenchContext ctx, long n, String step, Alternation.Step work) throws Exception {
        HeapPeak.Result r = HeapPeak.measure(work);
        ctx.note(String.format(Locale.ROOT, "%,d customers, %s: %.3f s, peak heap %.1f MiB", n, step, r.seconds(),
                r.peakBytes() / 1048576.0));
        return new ScalingPoint(n, step, r.seconds(), r.peakBytes());
    }

    private BenchProject generate(long customers, int rounds) throws Exception {
        log.printf(Locale.ROOT, "bench: generating %,d customers and %,d orders in DuckDB%n", customers,
                customers * BenchProject.ORDERS_PER_CUSTOMER);
        long t = System.nanoTime();
        BenchProject p = BenchProject.create(warehouses, customers, rounds);
        log.printf(Locale.ROOT, "bench: generated in %.1f s%n", (System.nanoTime() - t) / 1e9);
        return p;
    }

    private void loadAverage(String when) {
        log.printf(Locale.ROOT, "bench: load average (%s) %.2f on %d cores%n", when,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
