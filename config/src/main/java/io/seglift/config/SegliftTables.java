package io.seglift.config;

/**
 * Names of the tables scoring writes in Seglift's schema and that sync, measurement and the application read. The
 * sync engine's own tables are named in {@code io.seglift.sync.state.SyncTables}.
 */
public final class SegliftTables {
    /** RFM scores per as-of date and customer. */
    public static final String RFM_SCORES = "rfm_scores";
    /** Propensity scores and deciles per model, as-of date and customer. */
    public static final String MODEL_SCORES = "model_scores";
    /** The model registry: one row per trained model. */
    public static final String MODELS = "models";
    /** Segment membership per build, with each member's arm. */
    public static final String SEGMENT_MEMBERS = "segment_members";
    /** One row per segment build, with its stability counts. */
    public static final String SEGMENT_BUILDS = "segment_builds";
    /** The first assignment of each member to a segment and arm, for lift measurement. */
    public static final String HOLDOUT_ASSIGNMENTS = "holdout_assignments";
    /** The nearest-centroid cluster of each customer per as-of date. */
    public static final String CLUSTER_ASSIGNMENTS = "cluster_assignments";
    /** Customer lifetime value scores (BG/NBD + Gamma-Gamma) per as-of date and customer. */
    public static final String CLV_SCORES = "clv_scores";
    /** Readiness audits. */
    public static final String AUDITS = "audits";

    private SegliftTables() {
    }
}
