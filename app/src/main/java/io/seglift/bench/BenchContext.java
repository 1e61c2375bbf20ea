package io.seglift.bench;

import io.seglift.config.ModelConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.config.SyncConfig;
import io.seglift.scoring.propensity.PropensityModels;
import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.scoring.segments.SegmentBuilder;
import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouse;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;

/**
 * What every measure works on: the bench project, its open warehouse and the scoring date, plus the prerequisites a
 * measure may need when run alone ({@code --only plan} needs RFM scores and the segment), made once on demand.
 */
public final class BenchContext {
    static final String MODEL = "churn_90d";
    static final String SEGMENT = "everyone";
    static final String SYNC = "everyone_to_email";

    private final ProjectConfig project;
    private final Warehouse w;
    private final Clock clock;
    private final Progress progress;
    private final PrintStream log;
    private final LocalDate asOf;
    private boolean rfmScored;
    private boolean segmentBuilt;
    private StoredModel model;

    public BenchContext(ProjectConfig project, Warehouse w, Clock clock, Progress progress, PrintStream log) {
        this.project = project;
        this.w = w;
        this.clock = clock;
        this.progress = progress;
        this.log = log;
        this.asOf = rfmScorer().defaultAsOf().orElseThrow(() -> new IllegalStateException("the bench has no orders"));
    }

    public ProjectConfig project() { return project; }

    public Warehouse warehouse() { return w; }

    public Clock clock() { return clock; }

    public LocalDate asOf() { return asOf; }

    /** Progress lines go to stderr, so stdout stays the result. */
    public void note(String text) {
        log.println("bench: " + text);
    }

    RfmScorer rfmScorer() {
        return new RfmScorer(w, project.sources().orders(), project.scoring().rfm(), clock);
    }

    PropensityModels models() {
        return new PropensityModels(project.sources(), w, project.projectDir(), clock, progress);
    }

    ModelConfig modelConfig() {
        return project.scoring().models().get(MODEL);
    }

    SegmentConfig segment() {
        return project.segment(SEGMENT).orElseThrow();
    }

    SyncConfig sync() {
        return project.sync(SYNC).orElseThrow();
    }

    void rfmScored() {
        if (!rfmScored) {
            rfmScorer().score(asOf);
            rfmScored = true;
        }
    }

    void segmentBuilt() {
        if (!segmentBuilt) {
            rfmScored();
            new SegmentBuilder(w, project, clock).build(segment(), asOf);
            segmentBuilt = true;
        }
    }

    /** The newest trained model; trains one when there is none yet. */
    StoredModel model() {
        if (model == null) {
            model = models().registry().find(MODEL).orElseGet(() -> {
                models().train(modelConfig(), asOf);
                return models().registry().find(MODEL).orElseThrow();
            });
        }
        return model;
    }

    void modelTrained(StoredModel stored) {
        this.model = stored;
    }
}
