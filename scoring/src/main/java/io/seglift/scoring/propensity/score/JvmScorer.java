package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Scores in the JVM. The feature query runs once into a numbered work table ({@link FeatureRows}, timed apart as
 * {@link ScoreRun#featureMillis}); its rows stream back as numbers only (row number and features, never the text key)
 * into a {@link PredictPipeline} that predicts each block with XGBoost4J while the next is read and spills
 * (row number, score) to a local file. After the read the scores go through the engine's bulk writer (DuckDB's
 * appender, PostgreSQL's COPY) into a scratch table ({@link Warehouse#createScratchTable}, temporary on DuckDB), and
 * one {@code INSERT ... SELECT} joins them to their keys and replaces the (model, as-of) with deciles assigned in SQL
 * ({@link ScoreTable}). A read and a bulk load cannot share one connection on every engine, hence the spill. Memory
 * stays bounded by the pipeline's blocks.
 */
public final class JvmScorer {
    private final Warehouse w;
    private final Clock clock;

    public JvmScorer(Warehouse warehouse, Clock clock) {
        this.w = warehouse;
        this.clock = clock;
    }

    public ScoreRun score(String modelId, String modelName, byte[] modelJson, FeatureSet features, LocalDate asOf) {
        long start = clock.millis();
        try (FeatureRows rows = FeatureRows.compute(w, features)) {
            long featureMillis = clock.millis() - start;
            Booster booster = XGBoost.loadModel(modelJson);
            Path spill = Files.createTempFile("seglift-scores-", ".bin");
            try {
                long total;
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
                     PredictPipeline pipeline = new PredictPipeline(rows.cols(), booster, out)) {
                    w.query(rows.select(), List.of(), pipeline::add);
                    total = pipeline.finish();
                }
                long written = load(spill, total, rows, modelId, modelName, asOf);
                return new ScoreRun(modelId, modelName, asOf, written, "jvm", clock.millis() - start, featureMillis);
            } finally {
                booster.dispose();
                Files.deleteIfExists(spill);
            }
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("XGBoost cannot score with model " + modelId + ": " + e.getMessage(), e);
        }
    }

    private long load(Path spill, long total, FeatureRows rows, String modelId, String modelName, LocalDate asOf)
            throws IOException {
        Dialect d = w.dialect();
        TableName staging = w.createScratchTable("model_scores_load_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()),
                FeatureRows.ROW + " " + d.type(ColumnType.BIGINT) + " NOT NULL, score " + d.type(ColumnType.DOUBLE));
        try {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spill), 1 << 16));
                 BulkWriter writer = w.bulkWriter(staging, List.of(FeatureRows.ROW, "score"))) {
                Object[] row = new Object[2];
                for (long i = 0; i < total; i++) {
                    row[0] = in.readLong();
                    row[1] = (double) in.readFloat();
                    writer.row(row);
                }
            }
            return new ScoreTable(w).replace(modelId, modelName, asOf, rows.keyed(staging));
        } finally {
            w.execute("DROP TABLE IF EXISTS " + d.table(staging));
        }
    }
}
