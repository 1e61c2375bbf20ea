package io.seglift.cli;

import io.seglift.config.ModelConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.scoring.propensity.AuditTrainingGate;
import io.seglift.scoring.propensity.ModelReportText;
import io.seglift.scoring.propensity.PropensityModels;
import io.seglift.scoring.propensity.TrainOutcome;
import io.seglift.scoring.propensity.cv.CrossValidation;
import io.seglift.scoring.propensity.cv.CrossValidationResult;
import io.seglift.scoring.propensity.registry.ModelSummary;
import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.scoring.propensity.score.ScorePath;
import io.seglift.scoring.propensity.score.ScoreRun;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seglift models train|list|show|score}: propensity models. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Train, inspect and score the propensity models declared under scoring.models."},
        subcommands = {ModelsCommand.Train.class, ModelsCommand.ListModels.class, ModelsCommand.Show.class,
                ModelsCommand.Score.class},
        footer = {"", "Example: seglift models train churn_90d --as-of 2026-06-30"})
public final class ModelsCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /**
     * The given date, or the day after the latest purchase (as {@code seglift score rfm} and segments default), or
     * today without orders (only label-column models can be declared then, and they have no dates).
     */
    static LocalDate asOf(Session session, String text, ProjectConfig project, Warehouse w) {
        if (text == null && project.sources().ordersIfPresent().isEmpty()) {
            return LocalDate.now(session.clock());
        }
        if (text == null) {
            return ScoringOutput.asOfOrDefault(null, ScoringOutput.rfm(w, project, session));
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliException(ExitCode.INVALID, "--as-of: '" + text + "' is not a date (allowed: YYYY-MM-DD)");
        }
    }

    static List<ModelConfig> selected(ProjectConfig project, String name) {
        Map<String, ModelConfig> all = project.scoring().models();
        if (name == null) {
            if (all.isEmpty()) {
                throw new CliException(ExitCode.INVALID, "the project file declares no models (add scoring.models)");
            }
            return List.copyOf(all.values());
        }
        ModelConfig m = all.get(name);
        if (m == null) {
            throw new CliException(ExitCode.INVALID, "NAME: no model '" + name + "' in scoring.models (declared: "
                    + String.join(", ", all.keySet()) + ")");
        }
        return List.of(m);
    }

    static PropensityModels models(Session session, ProjectConfig project, Warehouse w) {
        return new PropensityModels(project.sources(), w, project.projectDir(), session.clock(), session.progress());
    }

    /** {@code seglift models train [NAME]}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train a model (or all declared models) for scoring as of a date, validate it on the",
                    "latest complete period, and register it. Refused when the readiness audit says the data",
                    "is insufficient, unless --force. Label-column models need no orders and no audit."},
            footer = {"", "Example: seglift models train churn_90d --as-of 2026-06-30",
                    "         seglift models train telco_churn --cv 5 --format json"})
    static final class Train implements Callable<Integer> {
        private final Session session;
        @Mixin
        GlobalOptions options;
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Model name (default: all).")
        String name;
        @Option(names = "--as-of", paramLabel = "DATE", description = "Scoring date the model is for (default: the day after the latest purchase).")
        String asOf;
        @Option(names = "--force", description = "Train even when the readiness audit advises against it.")
        boolean force;
        @Option(names = "--cv", paramLabel = "K", description = {"Label-column models: K-fold cross-validation "
                + "(stratified, folds by a stable hash of the key);", "reports per-fold and mean AUC, registers "
                + "nothing."})
        Integer cv;

        Train(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ProjectConfig project = session.project(options);
            List<ModelConfig> which = selected(project, name);
            if (cv != null) {
                return crossValidate(project, which);
            }
            boolean labelOnly = which.stream().allMatch(m -> m.target().kind() == ModelConfig.Target.Kind.LABEL);
            try (Warehouse w = session.openWarehouse(project)) {
                LocalDate date = labelOnly && asOf == null ? LocalDate.now(session.clock())
                        : asOf(session, asOf, project, w);
                List<String> blockers = labelOnly ? List.of() : new AuditTrainingGate(w, project,
                        session.destinations(), session.clock()).blockers(date);
                if (!blockers.isEmpty() && !force) {
                    throw new CliException(ExitCode.NOT_READY, "models are not trained: "
                            + String.join("; ", blockers) + " (see seglift audit; --force trains anyway)");
                }
                ScoringOutput.noteDuplicateCustomers(w, project);
                List<Object> json = new ArrayList<>();
                for (ModelConfig m : which) {
                    TrainOutcome out;
                    try {
                        out = models(session, project, w).train(m, date);
                    } catch (IllegalArgumentException e) {
                        throw new CliException(ExitCode.INVALID, e.getMessage(), e);
                    }
                    if (options.json()) {
                        json.add(out.metadata());
                    } else {
                        System.out.print(ModelReportText.render(out.metadata()));
                        System.out.println("Saved to " + out.directory());
                        System.out.println();
                    }
                }
                if (options.json()) {
                    System.out.println(Json.write(json));
                }
            }
            return ExitCode.OK;
        }

        private int crossValidate(ProjectConfig project, List<ModelConfig> which) {
            if (cv < 2 || cv > 100) {
                throw new CliException(ExitCode.INVALID, "--cv: " + cv + " folds (allowed: 2 to 100)");
            }
            List<CrossValidationResult> results = new ArrayList<>();
            try (Warehouse w = session.openWarehouse(project)) {
                for (ModelConfig m : which) {
                    try {
                        results.add(new CrossValidation(project.sources(), w, session.progress()).run(m, cv));
                    } catch (IllegalArgumentException e) {
                        throw new CliException(ExitCode.INVALID, e.getMessage(), e);
                    }
                }
            }
            if (options.json()) {
                System.out.println(Json.write(name == null ? results : results.get(0)));
            } else {
                results.forEach(r -> System.out.println(r.render()));
            }
            return ExitCode.OK;
        }
    }

    /** {@code seglift models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List trained models, newest first.",
            footer = {"", "Example: seglift models list --format json"})
    static final class ListModels implements Callable<Integer> {
        private final Session session;
        @Mixin
        GlobalOptions options;

        ListModels(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ProjectConfig project = session.project(options);
            try (Warehouse w = session.openWarehouse(project)) {
                List<ModelSummary> all = models(session, project, w).registry().list();
                if (options.json()) {
                    System.out.println(Json.write(all));
                } else if (all.isEmpty()) {
                    System.out.println("No models yet (train one with: seglift models train)");
                } else {
                    System.out.printf("%-44s %-8s %-10s %8s %10s  %s%n", "ID", "KIND", "AS OF", "AUC", "ROWS", "TRAINED");
                    for (ModelSummary s : all) {
                        System.out.printf(Locale.ROOT, "%-44s %-8s %-10s %8s %10s  %s%n", s.id(), s.kind(), s.asOf(),
                                s.aucRoc() == null ? "-" : String.format(Locale.ROOT, "%.4f", s.aucRoc()),
                                s.trainRows(), s.trainedAt());
                    }
                }
            }
            return ExitCode.OK;
        }
    }

    /** {@code seglift models show ID|NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a model's metrics, calibration, gains and top features (by id, or newest by name).",
            footer = {"", "Example: seglift models show churn_90d"})
    static final class Show implements Callable<Integer> {
        private final Session session;
        @Mixin
        GlobalOptions options;
        @Parameters(index = "0", paramLabel = "ID|NAME", description = "Model id, or name for the newest.")
        String id;

        Show(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ProjectConfig project = session.project(options);
            try (Warehouse w = session.openWarehouse(project)) {
                StoredModel m = models(session, project, w).registry().find(id).orElseThrow(() -> new CliException(
                        ExitCode.INVALID, "ID|NAME: no trained model '" + id + "' (see seglift models list)"));
                System.out.println(options.json() ? Json.write(m.metadata()) : ModelReportText.render(m.metadata()));
            }
            return ExitCode.OK;
        }
    }

    /** {@code seglift models score [NAME]}. */
    @Command(name = "score", mixinStandardHelpOptions = true,
            description = {"Score customers with the newest model of each name into model_scores",
                    "(score and decile), in the warehouse with the model compiled to SQL or in the",
                    "JVM. By default (--path auto) the JVM scores on an embedded engine (DuckDB)",
                    "and SQL on a remote warehouse (PostgreSQL, Snowflake, BigQuery), so no",
                    "customer row leaves it."},
            footer = {"", "Example: seglift models score churn_90d --as-of 2026-06-30 --path sql"})
    static final class Score implements Callable<Integer> {
        private final Session session;
        @Mixin
        GlobalOptions options;
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Model name (default: all).")
        String name;
        @Option(names = "--as-of", paramLabel = "DATE", description = "Score date (default: the day after the latest purchase).")
        String asOf;
        @Option(names = "--path", paramLabel = "PATH", defaultValue = "auto",
                description = "auto (jvm on an embedded engine, sql on a remote warehouse), sql (in the warehouse) "
                        + "or jvm (default: ${DEFAULT-VALUE}).")
        String path;

        Score(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            try {
                ScorePath.parse(path);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.INVALID, "--path: '" + path + "' (allowed: " + ScorePath.allowed() + ")");
            }
            ProjectConfig project = session.project(options);
            List<Object> json = new ArrayList<>();
            try (Warehouse w = session.openWarehouse(project)) {
                LocalDate date = asOf(session, asOf, project, w);
                ScoringOutput.noteDuplicateCustomers(w, project);
                PropensityModels models = models(session, project, w);
                for (ModelConfig m : selected(project, name)) {
                    StoredModel stored = models.registry().find(m.name()).orElseThrow(() -> new CliException(
                            ExitCode.INVALID, "model '" + m.name() + "' has not been trained (run: seglift models train "
                            + m.name() + ")"));
                    ScoreRun run = models.score(stored, m, date, path);
                    if (options.json()) {
                        Map<String, Object> o = new LinkedHashMap<>();
                        o.put("model_id", run.modelId());
                        o.put("as_of", run.asOf());
                        o.put("customers", run.customers());
                        o.put("path", run.path());
                        o.put("millis", run.millis());
                        json.add(o);
                    } else {
                        System.out.printf(Locale.ROOT, "Scored %,d customers with %s as of %s (%s path, %.1fs)%n",
                                run.customers(), run.modelId(), run.asOf(), run.path(), run.millis() / 1000.0);
                    }
                }
            }
            if (options.json()) {
                System.out.println(Json.write(json));
            }
            return ExitCode.OK;
        }
    }
}
