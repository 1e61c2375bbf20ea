package io.seglift.warehouse.snowflake;

import io.seglift.config.AuditConfig;
import io.seglift.config.ClustersConfig;
import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.ScoringConfig;
import io.seglift.config.SourcesConfig;
import io.seglift.config.WarehouseConfig;
import io.seglift.scoring.clusters.AssignmentSql;
import io.seglift.scoring.clusters.Centroids;
import io.seglift.scoring.clusters.ClusterData;
import io.seglift.scoring.clusters.Standardisation;
import io.seglift.scoring.clv.ClvSummarySql;
import io.seglift.scoring.data.Customers;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.scoring.holdout.HoldoutSql;
import io.seglift.scoring.propensity.sql.Tree;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.scoring.propensity.sql.TreeSqlCompiler;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.plan.MemberQueries;
import io.seglift.sync.plan.SyncPlanner;
import io.seglift.sync.plan.SyncTarget;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every SQL generator that builds text from a dialect without running it, spelled for Snowflake: each statement is
 * compared with its snapshot in {@code src/test/resources/golden/snowflake/} and must pass the JSqlParser gate. Run
 * with {@code -Dseglift.golden.update=true} to rewrite the snapshots after an intended change, then review the diff.
 */
class SnowflakeGoldenSqlTest {
    private static final SnowflakeDialect D = new SnowflakeDialect();
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
    private static final Path GOLDEN = Path.of("src/test/resources/golden/snowflake");

    /** A warehouse that only answers dialect() and schema(): generators that try to run SQL fail the test. */
    private static Warehouse dialectOnly() {
        return (Warehouse) Proxy.newProxyInstance(Warehouse.class.getClassLoader(), new Class<?>[]{Warehouse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "dialect" -> D;
                    case "schema" -> "seglift";
                    case "own" -> TableName.of("seglift", (String) args[0]);
                    default -> throw new UnsupportedOperationException("the golden test runs no SQL: " + method);
                });
    }

    static OrdersSource orders() {
        return new OrdersSource(TableName.parse("raw.orders", "t"), "customer_id", "ordered_at",
                Optional.of("order_id"), Optional.of("amount"), Optional.empty(), Optional.empty(), Optional.empty(),
                new OrderRules(OrderRules.CountBy.ORDER, Optional.of("status = 'cancelled'"),
                        OrderRules.Cancellations.NET, true));
    }

    static CustomersSource customers() {
        return new CustomersSource(TableName.parse("raw.customers", "t"), "customer_id",
                Map.of(IdentifierType.EMAIL, "email"),
                new ConsentColumns(Optional.of("email_ok"), Optional.empty(), Optional.of("dnd"), Optional.empty()),
                Optional.empty());
    }

    static ProjectConfig project() {
        return new ProjectConfig("golden", Path.of("seglift.yaml"),
                new WarehouseConfig("snowflake", "seglift", new Settings("warehouse", "snowflake", Map.of())),
                new SourcesConfig(customers(), orders(), Optional.empty(), Optional.empty()),
                new ScoringConfig(AuditConfig.defaults(), RfmConfig.defaults(), Map.of()), new LinkedHashMap<>(),
                Map.of(), List.of());
    }

    /** The statements of every generator, by snapshot name. */
    static Map<String, String> statements() {
        Map<String, String> s = new LinkedHashMap<>();
        TableName t = TableName.of("seglift", "sync_state");
        s.put("dialect-upsert", D.upsert(t, List.of("sync_name", "customer_key"), List.of("status", "synced_at"),
                "SELECT CAST(? AS VARCHAR), customer_key, status, CAST(? AS TIMESTAMP_NTZ) FROM seglift.sync_batch")
                .get(0));
        s.put("dialect-replace", D.replaceTableAs(TableName.of("seglift", "rfm_scores"),
                "SELECT 1 AS x UNION ALL SELECT 2").get(0));
        s.put("dialect-transient", D.createTransientTableAs(TableName.of("seglift", "sync_work"),
                "SELECT customer_key FROM seglift.segment_members"));
        s.put("dialect-create-table", "CREATE TABLE IF NOT EXISTS " + D.table(t) + " (sync_name "
                + D.type(ColumnType.TEXT) + " NOT NULL, synced_at " + D.type(ColumnType.TIMESTAMP) + ", n "
                + D.type(ColumnType.BIGINT) + ", ok " + D.type(ColumnType.BOOLEAN) + ", " + D.primaryKey("sync_name") + ")");
        s.put("dialect-expressions", "SELECT " + String.join(", ",
                D.addDays(D.dateLiteral(AS_OF), "-365") + " AS a",
                D.daysBetween(D.timestampLiteral(Instant.parse("2026-01-01T23:59:00Z")), D.dateLiteral(AS_OF)) + " AS b",
                D.holdoutBucket(D.literal("salt"), D.unquoted("customer_id")) + " AS c",
                D.sha256Hex(D.castText("x")) + " AS d",
                D.regexMatches("email", "[^@\\s]+@[^@\\s]+\\.\\w+") + " AS e",
                D.logistic("x * 2") + " AS f",
                D.currentTimestamp() + " AS g") + " FROM " + D.table(TableName.of("raw", "customers"))
                + D.limit(10));
        PurchaseFacts facts = new PurchaseFacts(orders(), D);
        String asOf = D.dateLiteral(AS_OF);
        s.put("purchase-facts-lines", "SELECT * FROM (" + facts.lines(asOf) + ") q");
        s.put("purchase-facts-purchases", "SELECT * FROM (" + facts.purchases(asOf) + ") q");
        s.put("purchase-facts-per-customer", "SELECT * FROM (" + facts.perCustomer(asOf) + ") q");
        s.put("purchase-facts-adjustments", "SELECT * FROM (" + facts.adjustments(asOf) + ") q");
        RfmScorer rfm = new RfmScorer(dialectOnly(), orders(), RfmConfig.defaults(),
                Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        s.put("rfm-select", rfm.select(AS_OF));
        s.put("profile-view", ProfileView.sql(project(), D, AS_OF));
        s.put("customers-rows", new Customers(customers(), D).rows());
        HoldoutSql holdout = new HoldoutSql(D);
        s.put("holdout-arm", "SELECT customer_key, " + holdout.bucket("lapsed-2026", "customer_key") + " AS b, "
                + holdout.arm("lapsed-2026", "customer_key", 0.1) + " AS arm FROM seglift.segment_members");
        SyncTarget target = new SyncTarget("crm_lapsed", "lapsed", SyncMode.MIRROR, Map.of("first_name", "first_name"),
                Channel.EMAIL, List.of(IdentifierType.EMAIL), customers(), Optional.empty());
        MemberQueries mq = new MemberQueries(dialectOnly(), target, d -> ProfileView.sql(project(), D, d));
        s.put("member-classified", mq.classified(AS_OF));
        s.put("plan-preview", new SyncPlanner(dialectOnly(), target, d -> ProfileView.sql(project(), D, d)).previewQuery(AS_OF));
        SyncTarget noFields = new SyncTarget("crm_lapsed", "lapsed", SyncMode.MIRROR, Map.of(), Channel.EMAIL,
                target.identifiers(), customers(), Optional.empty());
        s.put("plan-preview-customers", new SyncPlanner(dialectOnly(), noFields, d -> ProfileView.sql(project(), D, d))
                .previewQuery(AS_OF, true));
        SyncTarget upsert = new SyncTarget("crm_lapsed", "lapsed", SyncMode.UPSERT, target.fields(), Channel.EMAIL,
                target.identifiers(), customers(), Optional.empty());
        s.put("plan-pending-upsert", new SyncPlanner(dialectOnly(), upsert, d -> ProfileView.sql(project(), D, d)).pendingInsert(AS_OF));
        s.put("member-held-out", mq.heldOutKeys());
        List<String> outbox = mq.fillOutbox("run-1", Operation.ADD, AS_OF);
        assertThat(outbox).as("statements that fill the outbox").hasSize(1);
        s.put("member-outbox", outbox.get(0));
        s.put("member-page", mq.page(500));
        s.put("member-outbox-drop", mq.dropOutbox());
        s.put("member-fields-check", mq.fieldsCheck(AS_OF));
        s.put("model-small", "SELECT customer_key, " + new TreeSqlCompiler(D).probability(model(3, 3, 1),
                List.of("f.recency_days", "f.frequency", "f.monetary_total")) + " AS score FROM seglift.features f");
        ClvSummarySql clv = new ClvSummarySql(orders(), D);
        s.put("clv-summary", clv.select(AS_OF.minusDays(182), AS_OF));
        s.put("clv-counts", clv.counts(AS_OF));
        ClusterData clusters = new ClusterData(dialectOnly(), project(), ClustersConfig.defaults());
        Standardisation scale = new Standardisation(ClustersConfig.defaults().features(), new double[]{3.1, 0.9, 3.8},
                new double[]{1.2, 0.6, 0.9}, 1000);
        s.put("cluster-assignment", AssignmentSql.select(D, AS_OF, clusters.standardised(AS_OF, scale),
                new Centroids(new double[][]{{0.5, -1.0, 0.2}, {-0.25, 0.75, 1.0}, {1.0, 1.0, -0.5}})));
        s.putAll(migrations());
        return s;
    }

    /** Every statement of every migration on the class path, named {@code migration-<id>-<n>}. */
    static Map<String, String> migrations() {
        Map<String, String> s = new LinkedHashMap<>();
        List<Migration> all = new ArrayList<>();
        ServiceLoader.load(Migration.class).forEach(all::add);
        all.sort(java.util.Comparator.comparing(Migration::id));
        for (Migration m : all) {
            List<String> sql = m.statements(D, "seglift");
            for (int i = 0; i < sql.size(); i++) {
                s.put("migration-" + m.id() + "-" + (i + 1), sql.get(i));
            }
        }
        return s;
    }

    @Test
    void everyGeneratorMatchesItsSnapshotAndPassesTheParserGate() throws IOException {
        boolean update = Boolean.getBoolean("seglift.golden.update");
        List<String> changed = new ArrayList<>();
        Map<String, String> all = statements();
        for (var e : all.entrySet()) {
            Path file = GOLDEN.resolve(e.getKey() + ".sql");
            String sql = e.getValue() + "\n";
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, sql, StandardCharsets.UTF_8);
            } else if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(sql)) {
                changed.add(e.getKey());
            }
            SnowflakeSqlGate.check(e.getKey(), e.getValue());
        }
        assertThat(changed).as("statements that differ from their snapshot (rerun with -Dseglift.golden.update=true "
                + "and review the diff)").isEmpty();
        assertThat(all.size()).as("statements checked").isEqualTo(26 + migrations().size());
        assertThat(migrations()).as("migration statements").hasSizeGreaterThanOrEqualTo(16);
        System.out.println("Snowflake golden SQL: " + all.size() + " statements passed the JSqlParser gate");
    }

    @Test
    void theGateRejectsInvalidSql() {
        List<String> accepted = new ArrayList<>();
        for (String bad : List.of(
                "SELECT FROM WHERE",
                "SELECT a, FROM t",
                "SELECT (a + b FROM t",
                "MERGE INTO t USING s ON WHEN MATCHED THEN UPDATE SET",
                "CREATE OR REPLACE TABLE (x INT) AS SELECT 1",
                "SELECT 1; SELECT 2")) {
            try {
                SnowflakeSqlGate.check("negative", bad);
                accepted.add(bad);
            } catch (AssertionError expected) {
                // the gate refused it
            }
        }
        assertThat(accepted).as("invalid SQL the gate let through").isEmpty();
    }

    @Test
    void theGateCatchesABrokenGenerator() {
        String good = D.upsert(TableName.of("s", "t"), List.of("k"), List.of("v"), "SELECT 'a', 1").get(0);
        SnowflakeSqlGate.check("good", good);
        String broken = good.replace(" ON ", " ");
        assertThatThrownBy(() -> SnowflakeSqlGate.check("broken", broken)).isInstanceOf(AssertionError.class);
    }

    /** A compiled model the size of today's largest (167 trees) is well under the limit; one past it is refused. */
    @Test
    void aLargeModelFitsTheStatementLimitAndAnOversizedOneIsRefused() {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 20; i++) refs.add("f." + D.quote("feature_" + i));
        String large = "SELECT customer_key, " + new TreeSqlCompiler(D).probability(model(167, 20, 5), refs)
                + " AS score FROM seglift.features f";
        int bytes = large.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isGreaterThan(394_000);
        SnowflakeDialect.requireFits(large);
        SnowflakeSqlGate.check("model-167-trees", large);
        String oversized = "SELECT customer_key, " + new TreeSqlCompiler(D).probability(model(400, 20, 6), refs)
                + " AS score FROM seglift.features f";
        assertThatThrownBy(() -> SnowflakeDialect.requireFits(oversized))
                .isInstanceOf(StatementTooLargeException.class).hasMessageContaining("1,000,000-byte limit");
        System.out.printf("compiled model: 167 trees = %,d bytes (fits), 400 trees = %,d bytes (refused)%n", bytes,
                oversized.getBytes(StandardCharsets.UTF_8).length);
    }

    /** {@code trees} full binary trees of {@code depth}, splitting on random features and thresholds (seeded). */
    static TreeEnsemble model(int trees, int features, int depth) {
        Random r = new Random(42);
        List<Tree> out = new ArrayList<>();
        int nodes = (1 << (depth + 1)) - 1;
        for (int k = 0; k < trees; k++) {
            int[] left = new int[nodes];
            int[] right = new int[nodes];
            int[] feature = new int[nodes];
            float[] cond = new float[nodes];
            boolean[] defaultLeft = new boolean[nodes];
            for (int n = 0; n < nodes; n++) {
                boolean leaf = n >= (1 << depth) - 1;
                left[n] = leaf ? -1 : 2 * n + 1;
                right[n] = leaf ? -1 : 2 * n + 2;
                feature[n] = leaf ? 0 : r.nextInt(features);
                cond[n] = (float) (leaf ? r.nextGaussian() * 0.1 : r.nextGaussian() * 100);
                defaultLeft[n] = r.nextBoolean();
            }
            out.add(new Tree(left, right, feature, cond, defaultLeft));
        }
        return new TreeEnsemble(out, -0.5, features);
    }
}
