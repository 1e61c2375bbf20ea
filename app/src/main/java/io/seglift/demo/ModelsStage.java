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
 * Trains each declared propensity model point-in-time (gated by the audit) and scores every customer with the model
 * compiled to SQL, inside the warehouse.
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
        List<String> blockers = new AuditTrainingGate(context.warehouse(), project, destinations, context.clock())
                .blockers(asOf);
        if (!blockers.isEmpty()) {
            return StageResult.skipped("the audit refuses model training: " + String.join("; ", blockers));
        }
        PropensityModels models = new PropensityModels(project.sources(), context.warehouse(), project.projectDir(),
                context.clock(), context.progress());
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
}
