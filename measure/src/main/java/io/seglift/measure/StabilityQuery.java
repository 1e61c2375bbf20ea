package io.seglift.measure;

import io.seglift.config.SegmentStability;
import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * Build-over-build membership of a segment from {@code segment_builds}: size, holdout, entered, exited, stayed. A
 * build is flagged when its change ratio exceeds {@link SegmentStability#FLAG_ABOVE}.
 */
public final class StabilityQuery {
    private final Warehouse w;

    public StabilityQuery(Warehouse warehouse) {
        this.w = warehouse;
    }

    public List<BuildPoint> builds(String segment) {
        List<BuildPoint> out = new ArrayList<>();
        if (!w.tableExists(w.own(SegliftTables.SEGMENT_BUILDS))) return out;
        Dialect d = w.dialect();
        w.query("SELECT " + d.castText("build_id") + " AS build_id, " + d.castDate("as_of") + " AS as_of, built_at, "
                + d.castBigint("members") + " AS members, " + d.castBigint("holdout") + " AS holdout, "
                + d.castBigint("entered") + " AS entered, " + d.castBigint("exited") + " AS exited, "
                + d.castBigint("stayed") + " AS stayed, " + d.castDouble("change_ratio") + " AS change_ratio FROM "
                + d.table(w.own(SegliftTables.SEGMENT_BUILDS)) + " WHERE segment = ? ORDER BY as_of, built_at", List.of(segment), r -> {
            long entered = nz(r.longValue("entered"));
            long exited = nz(r.longValue("exited"));
            long stayed = nz(r.longValue("stayed"));
            Double recorded = r.doubleValue("change_ratio");
            long previous = stayed + exited;
            double ratio = recorded != null ? recorded : previous == 0 ? 0 : (double) (entered + exited) / previous;
            boolean first = out.isEmpty();
            out.add(new BuildPoint(r.string("build_id"), r.date("as_of"), r.timestamp("built_at"),
                    nz(r.longValue("members")), nz(r.longValue("holdout")), entered, exited, stayed, ratio,
                    !first && SegmentStability.flagged(ratio)));
        });
        return out;
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
