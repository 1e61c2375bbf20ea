package io.seglift.demo;

import io.seglift.config.SyncConfig;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After the sandbox sync: lets the simulated future happen with the {@link OutcomeSimulator}, up to the end of the
 * campaign window of the latest exposure or the longest model horizon, whichever is later (so both lift and the
 * models' predictive validity can be measured). In a campaign cycle only that cycle's new exposures respond. Skipped, with the reason, when nothing has been sent.
 */
public final class SimulateOutcomesStage implements DemoStage {

    @Override
    public String name() {
        return "outcome simulation";
    }

    @Override
    public StageResult run(DemoContext context) {
        Warehouse w = context.warehouse();
        var state = w.own("sync_state");
        if (!w.tableExists(state) || w.queryLong("SELECT count(*) FROM " + w.dialect().table(state)) == 0) {
            return StageResult.skipped("nothing has been sent to a destination yet, so there is no campaign to play out");
        }
        Map<String, String> segmentBySync = new LinkedHashMap<>();
        for (SyncConfig s : context.project().syncs()) segmentBySync.put(s.name(), s.segment());
        LocalDate asOf = context.asOf();
        int window = (int) w.queryLong("SELECT window_days FROM " + w.dialect().table(DemoTables.CAMPAIGN));
        LocalDate lastExposure = w.queryOne("SELECT " + w.dialect().castDate("MAX(synced_at)") + " AS d FROM "
                + w.dialect().table(state), List.of(), r -> r.date("d")).orElse(asOf);
        int longestHorizon = context.project().scoring().models().values().stream()
                .mapToInt(m -> m.target().horizonDays()).max().orElse(0);
        LocalDate campaignEnd = (lastExposure.isBefore(asOf) ? asOf : lastExposure).plusDays(window);
        LocalDate horizonEnd = asOf.plusDays(longestHorizon);
        LocalDate end = horizonEnd.isAfter(campaignEnd) ? horizonEnd : campaignEnd;
        OutcomeSimulator.Result r = new OutcomeSimulator(w).simulate(segmentBySync, context.dataAsOf(), asOf, end);
        return StageResult.done(String.format(java.util.Locale.ROOT, "orders to %s appended: %,d baseline, %,d caused by the campaign "
                        + "(true effect +%.1f points within %d days; %,d exposures outside the simulated period)", end,
                r.baselineOrdersAppended(), r.upliftOrdersAppended(), r.trueEffectPp() * 100, r.windowDays(),
                r.exposedOutsidePeriod()));
    }
}
