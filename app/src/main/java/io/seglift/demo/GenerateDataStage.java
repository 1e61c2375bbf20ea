package io.seglift.demo;

import java.nio.file.Files;

/** Generates the demo data and project when the folder has none; otherwise uses what is there. */
public final class GenerateDataStage implements DemoStage {

    @Override
    public String name() {
        return "generate data";
    }

    @Override
    public StageResult run(DemoContext context) {
        if (Files.isRegularFile(context.projectFile())) {
            return StageResult.done("using the existing demo project (seglift init --demo --force to regenerate)",
                    context.projectFile(), context.database());
        }
        DemoInit.Result r = new DemoInit(context.warehouses(), context.clock())
                .create(context.dir(), context.spec(), context.progress());
        DemoSummary s = r.summary();
        return StageResult.done(String.format(java.util.Locale.ROOT, "%,d customers, %,d orders, %,d email events (seed %d) in %.1fs",
                s.customers(), s.orders(), s.emailEvents(), s.seed(), s.took().toMillis() / 1000.0),
                r.projectFile(), r.database());
    }
}
