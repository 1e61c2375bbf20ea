package io.seglift.demo;

import io.seglift.config.SegmentConfig;
import io.seglift.scoring.segments.SegmentBuild;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.scoring.segments.SegmentNotReadyException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds every segment of the demo project with its holdout, as of the demo's as-of date. */
public final class SegmentsStage implements DemoStage {

    @Override
    public String name() {
        return "segments";
    }

    @Override
    public StageResult run(DemoContext context) {
        SegmentBuilder builder = new SegmentBuilder(context.warehouse(), context.project(), context.clock());
        List<String> lines = new ArrayList<>();
        for (SegmentConfig s : context.project().segments().values()) {
            SegmentBuild b;
            try {
                b = builder.build(s, context.asOf());
            } catch (SegmentNotReadyException e) {
                lines.add(s.name() + " not built (" + e.getMessage() + ")");
                continue;
            }
            String moved = b.previousBuildId().isEmpty() ? ""
                    : String.format(Locale.ROOT, ", %,d entered, %,d left", b.entered(), b.exited());
            lines.add(String.format(Locale.ROOT, "%s %,d (%,d held out%s)%s", s.name(), b.members(), b.holdout(), moved,
                    s.syncable() ? "" : ", no brief: will not be synced"));
        }
        return StageResult.done(String.join("; ", lines));
    }
}
