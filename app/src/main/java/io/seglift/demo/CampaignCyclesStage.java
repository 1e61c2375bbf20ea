package io.seglift.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The campaign cycles after the first: every {@link #DAYS_BETWEEN} days after the data's as-of date the same stages run
 * again as of that day (RFM, re-scoring with the trained models, segments, an incremental sync of only the changes,
 * the outcomes of that cycle's newly sent members). Customers enter and leave segments as their simulated behaviour
 * moves, while each one's holdout arm stays what the holdout hash gave it; the report then has several builds and
 * cohorts to compare. Stops at the first stage that fails.
 */
public final class CampaignCyclesStage implements DemoStage {
    /** Days between two cycles: a monthly campaign, and the demo's campaign window, so cohorts do not overlap. */
    public static final int DAYS_BETWEEN = 30;

    private final int cycles;
    private final List<DemoStage> perCycle;

    /**
     * @param cycles   all cycles including the first, which the stages before this one ran (1 means no more)
     * @param perCycle the stages to run in each later cycle, in order
     */
    public CampaignCyclesStage(int cycles, List<DemoStage> perCycle) {
        if (cycles < 1) throw new IllegalArgumentException("cycles must be at least 1, got " + cycles);
        this.cycles = cycles;
        this.perCycle = List.copyOf(perCycle);
    }

    /** The date cycle {@code index} (0 for the first) runs as of. */
    public static LocalDate cycleDate(LocalDate dataAsOf, int index) {
        return dataAsOf.plusDays((long) DAYS_BETWEEN * index);
    }

    @Override
    public String name() {
        return "campaign cycles";
    }

    @Override
    public StageResult run(DemoContext context) throws Exception {
        if (cycles == 1) return StageResult.skipped("one campaign cycle requested");
        LocalDate first = context.dataAsOf();
        List<String> lines = new ArrayList<>();
        for (int k = 1; k < cycles; k++) {
            LocalDate day = cycleDate(first, k);
            context.startCycle(k, day);
            List<String> parts = new ArrayList<>();
            for (DemoStage stage : perCycle) {
                System.err.printf(Locale.ROOT, "[seglift] demo cycle %d/%d (%s): %s%n", k + 1, cycles, day, stage.name());
                long started = System.nanoTime();
                StageResult r = stage.run(context);
                double seconds = (System.nanoTime() - started) / 1e9;
                if (r.status() == StageResult.Status.FAILED) {
                    return StageResult.failed("cycle " + (k + 1) + " (" + day + "), " + stage.name() + ": " + r.summary());
                }
                parts.add(String.format(Locale.ROOT, "%s (%.1fs): %s", stage.name(), seconds, r.summary()));
            }
            lines.add("cycle " + (k + 1) + " as of " + day + ": " + String.join("; ", parts));
        }
        return StageResult.done(String.format(Locale.ROOT, "%d more cycles, %d days apart | ", cycles - 1, DAYS_BETWEEN)
                + String.join(" | ", lines));
    }
}
