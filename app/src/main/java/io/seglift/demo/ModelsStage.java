package io.seglift.demo;

import io.seglift.config.ModelConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.scoring.propensity.AuditTrainingGate;
import io.seglift.scoring.propensity.PropensityModels;
import io.seglift.scoring.propensity.TrainOutcome;
import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.scoring.propensity.score.ScoreRun;
import io.seglift.spi.destination.Destinations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains each declared propensity model point-in-time (gated by the audit) and scores every customer on the
 * {@code auto} path (in the JVM on an in-process engine, compiled to SQL on a remote warehouse). In later campaign cycles ({@link DemoContext#cycle} above 0) the model trained
 * in the first cycle is only re-scored as of the cycle's date, as a team would between retrainings.
 */
public final class ModelsStage implements DemoStage {
    private final Destinations destinations;

    public ModelsStage(Destinations destinations) {
        this.destinations = destinations;
    }

    @Override
    public String name() {
        return "models";
    }

    @Override
    public StageResult run(DemoContext context) {
        ProjectConfig project = context.project();
        if (project.scoring().models().isEmpty()) {
            return StageResult.skipped("the project declares no models");
        }
        LocalDate asOf = context.asOf();
        PropensityModels models = new PropensityModels(project.sources(), context.warehouse(), project.projectDir(),
                context.clock(), context.progress());
        if (context.cycle() > 0) return rescore(project, models, asOf);
        List<String> blockers = new AuditTrainingGate(context.warehouse(), project, destinations, context.clock())
                .blockers(asOf);
        if (!blockers.isEmpty()) {
            return StageResult.skipped("the audit refuses model training: " + String.join("; ", blockers));
        }
        List<String> lines = new ArrayList<>();
        for (ModelConfig m : project.scoring().models().values()) {
            TrainOutcome trained = models.train(m, asOf);
            StoredModel stored = models.registry().find(trained.metadata().id()).orElseThrow();
            ScoreRun run = models.score(stored, m, asOf, "auto");
            lines.add(String.format(Locale.ROOT, "%s validation AUC %.3f, %,d customers scored (%s path)", m.name(),
                    trained.metadata().validation().aucRoc(), run.customers(), run.path()));
        }
        return StageResult.done(String.join("; ", lines));
    }

    private static StageResult rescore(ProjectConfig project, PropensityModels models, LocalDate asOf) {
        List<String> lines = new ArrayList<>();
        for (ModelConfig m : project.scoring().models().values()) {
            var stored = models.registry().find(m.name());
            if (stored.isEmpty()) {
                lines.add(m.name() + " not trained in the first cycle, not scored");
                continue;
            }
            ScoreRun run = models.score(stored.get(), m, asOf, "auto");
            lines.add(String.format(Locale.ROOT, "%s re-scored %,d customers (%s path)", m.name(), run.customers(),
                    run.path()));
        }
        return StageResult.done(String.join("; ", lines));
    }
}
