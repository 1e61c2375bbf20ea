package io.seglift.sync;

import io.seglift.config.ActivationBrief;
import io.seglift.config.AuditConfig;
import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.DestinationConfig;
import io.seglift.config.ModelConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.ScoringConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.config.SourcesConfig;
import io.seglift.config.SuccessMetric;
import io.seglift.config.SuppressionsSource;
import io.seglift.config.SyncConfig;
import io.seglift.config.WarehouseConfig;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.toolkit.jdbc.Migrator;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test data for the engine: a customers table ({@code raw.customers}: id, email, phone, email_ok, sms_ok, dnd, tier),
 * a suppression list ({@code raw.suppressions}) and the scoring module's {@code segment_members} table, created here
 * with its documented columns so these tests do not depend on the scoring module.
 */
public final class SyncFixture {
    public static final String SEGMENT = "lapsed";
    public static final String SYNC = "lapsed_to_crm";

    private SyncFixture() {
    }

    public static void createTables(Warehouse w) {
        Migrator.discover().migrate(w);
        w.execute("CREATE SCHEMA IF NOT EXISTS raw");
        w.execute("CREATE TABLE raw.customers (id BIGINT, email VARCHAR, phone VARCHAR, email_ok BOOLEAN, sms_ok BOOLEAN,"
                + " dnd BOOLEAN, tier VARCHAR)");
        w.execute("CREATE TABLE raw.suppressions (customer_id BIGINT)");
        w.execute("CREATE TABLE IF NOT EXISTS " + w.dialect().table(w.own("segment_members"))
                + " (as_of DATE, segment VARCHAR, customer_key VARCHAR, arm VARCHAR, build_id VARCHAR)");
    }

    /** Customers 1..n: email {@code c<i>@example.com} except where {@code i % 17 == 0} (no email), consent except {@code i % 13 == 0}. */
    public static void customers(Warehouse w, int n) {
        try (BulkWriter bw = w.bulkWriter(TableName.of("raw", "customers"), List.of("id", "email", "phone", "email_ok", "sms_ok", "dnd", "tier"))) {
            for (long i = 1; i <= n; i++) {
                bw.row(i, i % 17 == 0 ? null : "c" + i + "@example.com", "+4420700" + String.format("%05d", i), i % 13 != 0,
                        i % 2 == 0, i % 5 == 0, i % 3 == 0 ? "gold" : "silver");
            }
        }
    }

    /** A build of the segment: keys {@code from..to}, holdout where {@code key % 10 == 0}. */
    public static void build(Warehouse w, LocalDate asOf, long from, long to) {
        try (BulkWriter bw = w.bulkWriter(w.own("segment_members"), List.of("as_of", "segment", "customer_key", "arm", "build_id"))) {
            for (long i = from; i <= to; i++) {
                bw.row(asOf, SEGMENT, String.valueOf(i), i % 10 == 0 ? "holdout" : "treatment", "b-" + asOf);
            }
        }
    }

    public static void suppress(Warehouse w, long... keys) {
        for (long k : keys) w.execute("INSERT INTO raw.suppressions VALUES (?)", k);
    }

    public static SegmentConfig segment(boolean completeBrief) {
        ActivationBrief brief = new ActivationBrief(List.of("crm"), Optional.of("Lapsed buyers come back when nudged."),
                Optional.of(new SuccessMetric(Optional.of("reactivated_30d"), Optional.of(SuccessMetric.Outcome.PURCHASE),
                        Optional.of(30), Optional.of(SuccessMetric.Target.parse("+3pp")))),
                completeBrief ? Optional.of("growth@acme.example") : Optional.empty());
        return new SegmentConfig(SEGMENT, "recency_days > 90", 0.1, SEGMENT, Optional.empty(), Optional.of(brief));
    }

    public static SyncConfig sync(SyncMode mode, Map<String, String> fields) {
        return new SyncConfig(SYNC, SEGMENT, "crm", mode, Optional.of("0 6 * * *"), fields);
    }

    public static ProjectConfig project(Path dir, SegmentConfig segment, SyncConfig sync, Settings destination,
                                        Optional<RateLimit> rateLimit) {
        return project(dir, segment, sync, destination, rateLimit, Map.of());
    }

    /** As above, with propensity models whose {@code <model>} and {@code <model>_decile} columns the profile shows. */
    public static ProjectConfig project(Path dir, SegmentConfig segment, SyncConfig sync, Settings destination,
                                        Optional<RateLimit> rateLimit, Map<String, ModelConfig> models) {
        ScoringConfig scoring = new ScoringConfig(AuditConfig.defaults(), RfmConfig.defaults(), models);
        CustomersSource customers = new CustomersSource(TableName.of("raw", "customers"), "id",
                Map.of(IdentifierType.EMAIL, "email", IdentifierType.PHONE, "phone"),
                new ConsentColumns(Optional.of("email_ok"), Optional.of("sms_ok"), Optional.of("dnd"), Optional.empty()),
                Optional.empty());
        SourcesConfig sources = new SourcesConfig(customers, null, Optional.empty(),
                Optional.of(new SuppressionsSource(TableName.of("raw", "suppressions"), "customer_id")));
        return new ProjectConfig("acme", dir.resolve("seglift.yaml"), new WarehouseConfig("duckdb", "seglift",
                new Settings("warehouse", "duckdb", Map.of())), sources, scoring, Map.of(SEGMENT, segment),
                Map.of("crm", new DestinationConfig("crm", destination.type(), destination, rateLimit)), List.of(sync));
    }
}
