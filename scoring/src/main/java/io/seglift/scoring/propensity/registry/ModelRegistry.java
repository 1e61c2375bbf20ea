package io.seglift.scoring.propensity.registry;

import io.seglift.config.SegliftTables;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Stores models under {@code <projectDir>/.seglift/models/<id>/} ({@code model.json}, XGBoost's own format, and
 * {@code metadata.json}) and indexes them in the warehouse table {@code models}.
 */
public final class ModelRegistry {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Path root;
    private final Warehouse warehouse;

    public ModelRegistry(Path projectDir, Warehouse warehouse) {
        this.root = projectDir.resolve(".seglift").resolve("models");
        this.warehouse = warehouse;
    }

    /** The id of a model named {@code name} trained at {@code trainedAt} on data with {@code fingerprint}. */
    public static String idFor(String name, java.time.Instant trainedAt, String fingerprint) {
        return name + "-" + STAMP.format(LocalDateTime.ofInstant(trainedAt, ZoneOffset.UTC)) + "-"
                + fingerprint.substring(0, 8);
    }

    private TableName table() {
        return warehouse.own(SegliftTables.MODELS);
    }

    /** Writes the files and the index row. */
    public Path save(ModelMetadata meta, byte[] modelJson) {
        Path dir = root.resolve(meta.id());
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("model.json"), modelJson);
            Files.write(dir.resolve("metadata.json"), JSON.writeValueAsBytes(meta));
            var d = warehouse.dialect();
            warehouse.execute("DELETE FROM " + d.table(table()) + " WHERE model_id = ?", meta.id());
            warehouse.execute("INSERT INTO " + d.table(table()) + " (model_id, name, kind, target, features, params, "
                            + "metrics, training_cutoff, validation_cutoff, as_of, train_rows, auc_roc, fingerprint, path, "
                            + "trained_at) VALUES (?, ?, ?, ?, ?, ?, ?, " + date(meta.trainingCutoff()) + ", "
                            + date(meta.validationCutoff()) + ", ?, ?, "
                            + (Double.isNaN(meta.validation().aucRoc()) ? "NULL" : Double.toString(meta.validation().aucRoc()))
                            + ", ?, ?, ?)",
                    meta.id(), meta.name(), meta.kind(),
                    JSON.writeValueAsString(java.util.Map.of("kind", meta.kind(), "horizon_days", meta.horizonDays(),
                            "label", meta.label() == null ? "" : meta.label())),
                    JSON.writeValueAsString(meta.features()), JSON.writeValueAsString(meta.params()),
                    JSON.writeValueAsString(meta.validation()), meta.asOf(), meta.trainRows(), meta.fingerprint(), dir.toString(), Timestamp.from(meta.trainedAt()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model files under " + dir + ": " + e.getMessage(), e);
        }
    }

    private String date(java.time.LocalDate date) {
        return date == null ? "NULL" : warehouse.dialect().dateLiteral(date);
    }

    /** Index rows, newest first: id, name, kind, as_of, auc_roc, train_rows, trained_at. */
    public List<ModelSummary> list() {
        return warehouse.queryList("SELECT model_id, name, kind, as_of, auc_roc, train_rows, trained_at FROM "
                        + warehouse.dialect().table(table()) + " ORDER BY trained_at DESC, model_id DESC", List.of(),
                r -> new ModelSummary(r.string("model_id"), r.string("name"), r.string("kind"), r.date("as_of"),
                        r.doubleValue("auc_roc"), r.longValue("train_rows"), r.timestamp("trained_at")));
    }

    /** A model by id, or the newest with that name. */
    public Optional<StoredModel> find(String idOrName) {
        Optional<String> path = warehouse.queryOne("SELECT path FROM " + warehouse.dialect().table(table())
                        + " WHERE model_id = ? OR name = ? ORDER BY CASE WHEN model_id = ? THEN 0 ELSE 1 END, trained_at DESC",
                List.of(idOrName, idOrName, idOrName), r -> r.string("path"));
        return path.map(p -> read(Path.of(p)));
    }

    private static StoredModel read(Path dir) {
        try {
            return new StoredModel(JSON.readValue(dir.resolve("metadata.json").toFile(), ModelMetadata.class),
                    Files.readAllBytes(dir.resolve("model.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model under " + dir + ": " + e.getMessage()
                    + " (the files were moved or deleted; retrain with: seglift models train)", e);
        }
    }
}
