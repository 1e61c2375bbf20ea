package io.seglift.scoring.propensity;

import io.seglift.config.ModelConfig;
import io.seglift.config.SourcesConfig;
import io.seglift.scoring.features.FeatureBuilder;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.features.LeakGuard;
import io.seglift.scoring.features.LeakReport;
import io.seglift.scoring.propensity.registry.ModelMetadata;
import io.seglift.scoring.propensity.registry.ModelRegistry;
import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.scoring.propensity.score.JvmScorer;
import io.seglift.scoring.propensity.score.ScoreRun;
import io.seglift.scoring.propensity.score.ScorePath;
import io.seglift.scoring.propensity.score.SqlScorer;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.scoring.propensity.train.LabelSql;
import io.seglift.scoring.propensity.train.LabeledMatrix;
import io.seglift.scoring.propensity.train.MatrixLoader;
import io.seglift.scoring.propensity.train.ModelTrainer;
import io.seglift.scoring.propensity.train.TrainedModel;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains, registers and scores propensity models.
 *
 * <p>Time-based split for purchase and churn models scored as of {@code asOf} with horizon H: the validation rows are
 * the features as of {@code asOf - H} with labels in [asOf - H, asOf) (the latest complete window), the training rows
 * the features as of {@code asOf - 2H} with labels in [asOf - 2H, asOf - H). Early stopping and all reported metrics
 * use the validation rows, i.e. a later period than the model learned from. Label-column models have no dates: they
 * are split by a stable hash of the key, 80% training and 20% validation.
 */
public final class PropensityModels {
    /** Share (of 10,000 hash buckets) held out for validation of label-column models. */
    static final int VALIDATION_BUCKETS = 2000;

    private final SourcesConfig sources;
    private final Warehouse w;
    private final ModelRegistry registry;
    private final Clock clock;
    private final Progress progress;

    public PropensityModels(SourcesConfig sources, Warehouse warehouse, Path projectDir, Clock clock, Progress progress) {
        this.sources = sources;
        this.w = warehouse;
        this.registry = new ModelRegistry(projectDir, warehouse);
        this.clock = clock;
        this.progress = progress;
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** Trains {@code model} for scoring as of {@code asOf}, checks its features for leaks, and registers it. */
    public TrainOutcome train(ModelConfig model, LocalDate asOf) {
        FeatureBuilder builder = new FeatureBuilder(sources, w);
        LabelSql labels = new LabelSql(sources, w.dialect());
        MatrixLoader loader = new MatrixLoader(w);
        boolean dated = model.target().kind() != ModelConfig.Target.Kind.LABEL;
        int h = model.target().horizonDays();
        if (dated && h <= 0) {
            throw new IllegalArgumentException("scoring.models." + model.name() + ".target.horizon_days must be > 0");
        }
        LocalDate validCutoff = dated ? asOf.minusDays(h) : null;
        LocalDate trainCutoff = dated ? asOf.minusDays(2L * h) : null;

        LeakReport leaks = new LeakReport(validCutoff, 0, java.util.Map.of());
        FeatureSet trainSet = builder.build(model, trainCutoff);
        LabeledMatrix train;
        LabeledMatrix valid;
        if (dated) {
            boolean probe = LeakGuard.needsProbe(model);
            progress.start("loading validation rows of " + model.name() + (probe
                    ? ", checking their features for leaks past " + validCutoff : ""), -1);
            valid = probe ? loadCheckingLeaks(model, builder, labels, loader, validCutoff)
                    : load(model, builder.build(model, validCutoff), labels, loader);
            progress.finish(valid.rows() + " validation rows; " + (probe ? leaks.describe() : LeakGuard.BUILT_IN_ONLY));
            progress.start("loading training rows of " + model.name(), -1);
            train = load(model, trainSet, labels, loader);
        } else {
            progress.start("loading training rows of " + model.name(), -1);
            String frame = labels.frame(model, trainSet);
            train = loader.load(labels.ordered(labels.split(frame, VALIDATION_BUCKETS, false)), trainSet.names());
            valid = loader.load(labels.ordered(labels.split(frame, VALIDATION_BUCKETS, true)), trainSet.names());
        }
        progress.finish(train.rows() + " training rows, " + valid.rows() + " validation rows, "
                + trainSet.names().size() + " features");
        if (train.positives() == 0 || train.positives() == train.rows()) {
            throw new IllegalArgumentException("scoring.models." + model.name() + ": the training rows have only one "
                    + "class (" + train.positives() + " positives of " + train.rows() + "); nothing to learn");
        }
        progress.start("training " + model.name(), -1);
        TrainedModel trained = new ModelTrainer().train(train, valid, trainSet.names(), model.params());
        progress.finish(trained.rounds() + " trees, validation AUC " + String.format(java.util.Locale.ROOT, "%.4f", trained.validation().aucRoc()));

        Instant now = clock.instant();
        String fingerprint = train.fingerprint();
        List<String> notes = new ArrayList<>(trainSet.notes());
        ModelMetadata meta = new ModelMetadata(ModelRegistry.idFor(model.name(), now, fingerprint), model.name(),
                model.target().kind().name().toLowerCase(java.util.Locale.ROOT), dated ? h : 0,
                model.target().label().map(l -> l.table() + "." + l.column() + " = " + l.positive()).orElse(null),
                trainSet.features(), trained.params(), asOf, trainCutoff, validCutoff, trained.trainRows(),
                trained.trainPositives(), trained.rounds(), fingerprint, trained.validation(), notes, now);
        Path dir = registry.save(meta, trained.modelJson());
        return new TrainOutcome(meta, dir, leaks);
    }

    private static LabeledMatrix load(ModelConfig model, FeatureSet set, LabelSql labels, MatrixLoader loader) {
        return loader.load(labels.ordered(labels.frame(model, set)), set.names());
    }

    /**
     * The validation rows, compared in the same read with the features computed on data truncated at the cutoff
     * ({@link LeakGuard.Probe#flagged}); when any row differs, {@link LeakGuard#check} names the leaking features.
     * One pass instead of a separate check saves computing the real features a second time.
     */
    private LabeledMatrix loadCheckingLeaks(ModelConfig model, FeatureBuilder builder, LabelSql labels,
                                            MatrixLoader loader, LocalDate cutoff) {
        LeakGuard guard = new LeakGuard(w, sources);
        FeatureSet validSet = builder.build(model, cutoff);
        MatrixLoader.FlaggedMatrix loaded;
        try (LeakGuard.Probe probe = guard.probe(model, cutoff)) {
            loaded = loader.loadFlagged(labels.ordered(probe.flagged(labels.frame(model, validSet), validSet.names())),
                    validSet.names());
        }
        if (loaded.flaggedRows() > 0) {
            LeakReport leaks = guard.check(model, cutoff);
            throw new IllegalArgumentException("scoring.models." + model.name() + ": " + (leaks.clean()
                    ? loaded.flaggedRows() + " customers' features differ when computed on data before " + cutoff
                    : leaks.describe()));
        }
        return loaded.matrix();
    }

    /** Features of a stored model as of {@code asOf}: the model's own expressions over today's population. */
    public FeatureSet scoringFeatures(StoredModel stored, ModelConfig config, LocalDate asOf) {
        FeatureSet fresh = new FeatureBuilder(sources, w).build(config, asOf);
        return fresh.withFeatures(stored.metadata().features());
    }

    /**
     * Scores as of {@code asOf} on a {@link ScorePath} given by its code: {@code sql} (in the warehouse), {@code jvm},
     * or {@code auto} (JVM on an in-process engine, SQL on a remote warehouse).
     */
    public ScoreRun score(StoredModel stored, ModelConfig config, LocalDate asOf, String path) {
        ScorePath chosen = ScorePath.parse(path).on(w);
        FeatureSet features = scoringFeatures(stored, config, asOf);
        ModelMetadata m = stored.metadata();
        return switch (chosen) {
            case SQL -> new SqlScorer(w, clock).score(m.id(), m.name(), TreeEnsemble.parse(stored.modelJson()),
                    features, asOf);
            case JVM -> new JvmScorer(w, clock).score(m.id(), m.name(), stored.modelJson(), features, asOf);
            case AUTO -> throw new IllegalStateException("auto resolves to sql or jvm");
        };
    }
}
