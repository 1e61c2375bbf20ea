package io.seglift.warehouse.bigquery;

import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.RfmConfig;
import io.seglift.scoring.clusters.AssignmentSql;
import io.seglift.scoring.clusters.Centroids;
import io.seglift.scoring.clv.ClvSummarySql;
import io.seglift.scoring.data.Customers;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.SyncMode;
import io.seglift.sync.plan.MemberQueries;
import io.seglift.sync.plan.SyncPlanner;
import io.seglift.sync.plan.SyncTarget;
import io.seglift.scoring.holdout.HoldoutSql;
import io.seglift.scoring.propensity.sql.Tree;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.scoring.propensity.sql.TreeSqlCompiler;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden SQL for the bigquery dialect: every statement Seglift's generators build without a live engine is compared
 * with its snapshot in {@code src/test/resources/golden/bigquery.sql} and parsed by ZetaSQL. Regenerate the snapshot
 * with {@code -Dseglift.golden.update=true} after an intended change, and review the diff.
 */
class BigQueryGoldenSqlTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/bigquery.sql");
    private final BigQueryDialect d = new BigQueryDialect();
    private final TableName customers = TableName.of("shop", "customers");

    private Map<String, String> statements() {
        Map<String, String> s = new LinkedHashMap<>();
        LocalDate day = LocalDate.parse("2026-03-01");
        s.put("dialect.types", "CREATE TABLE " + d.table(TableName.of("seglift", "kit_types")) + " ("
                + String.join(", ", java.util.Arrays.stream(ColumnType.values())
                .map(t -> d.quote("c_" + t.name().toLowerCase(java.util.Locale.ROOT)) + " " + d.type(t)).toList()) + ")");
        s.put("dialect.schema", d.createSchemaIfNotExists("seglift"));
        s.put("dialect.reserved-words-quoted", "SELECT " + d.quote("hash") + ", " + d.quote("select") + ", "
                + d.quote("group") + " FROM " + d.table(customers));
        s.put("dialect.literals", "SELECT " + d.literal("it's a \\ back\nslash") + " AS a, " + d.dateLiteral(day)
                + " AS b, " + d.timestampLiteral(Instant.parse("2026-01-01T23:59:00Z")) + " AS c, "
                + d.literal(null) + " AS n");
        s.put("dialect.casts", "SELECT " + d.castText("1") + ", " + d.castDouble("'1.5'") + ", " + d.castBigint("'7'")
                + ", " + d.castDate("'2026-01-01'") + ", " + d.castTimestamp("'2026-01-01 00:00:00'"));
        s.put("dialect.dates", "SELECT " + d.addDays(d.dateLiteral(day), "-365") + " AS a, "
                + d.daysBetween(d.timestampLiteral(Instant.parse("2026-01-01T23:59:00Z")), d.dateLiteral(day)) + " AS b");
        s.put("dialect.hashes", "SELECT " + d.md5Hex(d.quote("email")) + ", " + d.sha256Hex(d.quote("email"))
                + ", " + d.hex8ToBigint("'ffffffff'") + " FROM " + d.table(customers));
        s.put("dialect.holdout-bucket", "SELECT " + d.holdoutBucket(d.literal("salt"), d.quote("cust_id"))
                + " AS bucket FROM " + d.table(customers));
        s.put("dialect.regex-concat-now", "SELECT " + d.regexMatches(d.quote("tier"), "gold|pla'tinum") + ", "
                + d.concat(d.quote("a"), d.literal(":"), d.quote("b")) + ", " + d.currentTimestamp()
                + " FROM " + d.table(customers) + d.limit(10));
        s.put("dialect.logistic", "SELECT " + d.logistic("0.25 * " + d.quote("x")) + " FROM " + d.table(customers));
        List<String> replace = d.replaceTableAs(TableName.of("seglift", "rfm_scores"),
                "SELECT cust_id, 1 AS r FROM " + d.table(customers));
        s.put("dialect.replace-table", replace.get(0));
        List<String> upsert = d.upsert(TableName.of("seglift", "sync_state"), List.of("destination", "member"),
                List.of("hash", "synced_at"), "SELECT 'hubspot' AS destination, 'm1' AS member, 'h' AS `hash`, "
                        + d.currentTimestamp() + " AS synced_at");
        s.put("dialect.upsert-merge", upsert.get(0));
        s.put("dialect.upsert-positional", d.upsert(TableName.of("seglift", "sync_state"),
                List.of("sync_name", "customer_key"), List.of("status", "synced_at"),
                "SELECT CAST(? AS STRING), customer_key, status, CAST(? AS TIMESTAMP) FROM `seglift`.`sync_batch`"
                        + " WHERE run_id = ?").get(0));
        s.put("dialect.upsert-keys-only", d.upsert(TableName.of("seglift", "seen"), List.of("k"), List.of(),
                "SELECT 'a' AS k").get(0));
        HoldoutSql holdout = new HoldoutSql(d);
        s.put("holdout.bucket", "SELECT " + holdout.bucket("spring-2026", d.quote("cust_id")) + " FROM "
                + d.table(customers));
        s.put("holdout.arm", "SELECT " + holdout.arm("spring-2026", d.quote("cust_id"), 0.1) + " FROM "
                + d.table(customers));
        PurchaseFacts facts = new PurchaseFacts(new OrdersSource(TableName.parse("shop.orders", "t"), "cust_id",
                "ordered_at", Optional.of("order_id"), Optional.of("amount"), Optional.empty(), Optional.empty(),
                Optional.of("category"), new OrderRules(OrderRules.CountBy.ORDER,
                Optional.of("`status` = 'cancelled'"), OrderRules.Cancellations.NET, true)), d);
        String before = d.dateLiteral(day);
        s.put("purchases.lines", facts.lines(before));
        s.put("purchases.purchases", facts.purchases(before));
        s.put("purchases.per-customer", facts.perCustomer(before));
        s.put("purchases.adjustments", facts.adjustments(before));
        BigQueryWarehouse offline = BigQueryWarehouseFactory.open(BigQueryWarehouseFactory.loopbackOptions(
                "http://127.0.0.1:9", "p1", com.google.api.gax.retrying.RetrySettings.newBuilder().setMaxAttempts(1)
                        .build()), "shop", "seglift");
        OrdersSource orders = new OrdersSource(TableName.parse("shop.orders", "t"), "cust_id", "ordered_at",
                Optional.of("order_id"), Optional.of("amount"), Optional.empty(), Optional.empty(), Optional.empty(),
                new OrderRules(OrderRules.CountBy.ORDER, Optional.empty(), OrderRules.Cancellations.EXCLUDE, true));
        s.put("rfm.select", new RfmScorer(offline, orders, RfmConfig.defaults(),
                java.time.Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), java.time.ZoneOffset.UTC)).select(day));
        CustomersSource people = new CustomersSource(TableName.parse("shop.customers", "t"), "cust_id",
                Map.of(IdentifierType.EMAIL, "email"), new ConsentColumns(Optional.of("email_ok"), Optional.empty(),
                Optional.of("dnd"), Optional.empty()), Optional.empty());
        SyncTarget target = new SyncTarget("vip-to-crm", "vip", SyncMode.MIRROR, Map.of("tier", "tier"), Channel.EMAIL,
                List.of(IdentifierType.EMAIL), people, Optional.empty());
        MemberQueries members = new MemberQueries(offline, target, asOf -> "SELECT c.*, CAST(c.`cust_id` AS STRING)"
                + " AS customer_key FROM " + d.table(people.table()) + " c");
        s.put("sync.classified", members.classified(day));
        java.util.function.Function<LocalDate, String> peopleOnly = asOf -> "SELECT c.*, CAST(c.`cust_id` AS STRING)"
                + " AS customer_key FROM " + d.table(people.table()) + " c";
        s.put("sync.plan-preview", new SyncPlanner(offline, target, peopleOnly).previewQuery(day));
        SyncTarget noFields = new SyncTarget("vip-to-crm", "vip", SyncMode.MIRROR, Map.of(), Channel.EMAIL,
                target.identifiers(), people, Optional.empty());
        s.put("sync.plan-preview-customers", new SyncPlanner(offline, noFields, peopleOnly).previewQuery(day, true));
        SyncTarget upsertTarget = new SyncTarget("vip-to-crm", "vip", SyncMode.UPSERT, target.fields(), Channel.EMAIL,
                target.identifiers(), people, Optional.empty());
        s.put("sync.plan-pending-upsert", new SyncPlanner(offline, upsertTarget, peopleOnly).pendingInsert(day));
        s.put("sync.held-out-keys", "SELECT * FROM (" + members.heldOutKeys() + ") h");
        s.put("sync.fields-check", members.fieldsCheck(day));
        List<String> outbox = members.fillOutbox("run-1", Operation.ADD, day);
        assertThat(outbox).as("statements that fill the outbox").hasSize(1);
        s.put("sync.outbox", outbox.get(0));
        s.put("sync.page", members.page(500));
        s.put("sync.outbox-drop", members.dropOutbox());
        s.put("customers.rows", new Customers(people, d).rows());
        s.put("model.small", "SELECT " + new TreeSqlCompiler(d).probability(model(3, 3, 4, 1),
                List.of("f.`recency`", "f.`frequency`", "f.`monetary`", "f.`tenure`")) + " AS p FROM "
                + d.table(TableName.of("seglift", "features")) + " f");
        ClvSummarySql clv = new ClvSummarySql(orders, d);
        s.put("clv.summary", clv.select(day.minusDays(182), day));
        s.put("clv.counts", clv.counts(day));
        s.put("clusters.assignment", AssignmentSql.select(d, day, "SELECT customer_key, z1, z2, z3 FROM "
                + d.table(TableName.of("seglift", "cluster_input")), new Centroids(new double[][]{{0.5, -1.0, 0.2},
                {-0.25, 0.75, 1.0}, {1.0, 1.0, -0.5}})));
        s.putAll(migrations());
        return s;
    }

    /** Every statement of every migration on the class path, named {@code migration.<id>.<n>}. */
    private Map<String, String> migrations() {
        Map<String, String> s = new LinkedHashMap<>();
        List<Migration> all = new ArrayList<>();
        ServiceLoader.load(Migration.class).forEach(all::add);
        all.sort(java.util.Comparator.comparing(Migration::id));
        for (Migration m : all) {
            List<String> sql = m.statements(d, "seglift");
            for (int i = 0; i < sql.size(); i++) {
                s.put("migration." + m.id() + "." + (i + 1), sql.get(i));
            }
        }
        return s;
    }

    /**
     * A parse does not tell whether BigQuery takes a key: BigQuery refuses any key not declared NOT ENFORCED, an
     * engine rule (https://cloud.google.com/bigquery/docs/primary-foreign-keys); so every key the migrations declare
     * is checked for the clause here, and the gate checks the rest of the syntax.
     */
    @Test
    void everyPrimaryKeyTheMigrationsDeclareIsNotEnforced() {
        Map<String, String> keyed = new LinkedHashMap<>();
        migrations().forEach((name, sql) -> {
            if (sql.contains("PRIMARY KEY")) keyed.put(name, sql);
        });
        assertThat(keyed).as("migrations declaring a key").hasSizeGreaterThanOrEqualTo(8);
        assertThat(keyed).allSatisfy((name, sql) -> assertThat(sql).as(name)
                .containsPattern("PRIMARY KEY \\([a-z_, ]+\\) NOT ENFORCED\\)$")
                .doesNotContainPattern("PRIMARY KEY(?! \\()"));
        assertThat(ZetaSqlGate.statementError("CREATE TABLE t (k STRING NOT NULL, PRIMARY KEY (k) NOT ENFORCED)"))
                .isEmpty();
    }

    /** A random but fixed ensemble of complete trees: {@code trees} trees of {@code depth}, over {@code features}. */
    static TreeEnsemble model(int trees, int depth, int features, long seed) {
        Random r = new Random(seed);
        List<Tree> list = new ArrayList<>();
        int nodes = (1 << (depth + 1)) - 1;
        for (int t = 0; t < trees; t++) {
            int[] left = new int[nodes];
            int[] right = new int[nodes];
            int[] feature = new int[nodes];
            float[] cond = new float[nodes];
            boolean[] defaultLeft = new boolean[nodes];
            for (int n = 0; n < nodes; n++) {
                boolean leaf = n >= (1 << depth) - 1;
                left[n] = leaf ? -1 : 2 * n + 1;
                right[n] = leaf ? -1 : 2 * n + 2;
                feature[n] = r.nextInt(features);
                cond[n] = (float) (r.nextGaussian() * (leaf ? 0.1 : 10));
                defaultLeft[n] = r.nextBoolean();
            }
            list.add(new Tree(left, right, feature, cond, defaultLeft));
        }
        return new TreeEnsemble(list, -0.4, features);
    }

    private static String render(Map<String, String> statements) {
        StringBuilder b = new StringBuilder();
        statements.forEach((name, sql) -> b.append("-- ").append(name).append('\n').append(sql).append(";\n\n"));
        return b.toString();
    }

    @Test
    void everyGeneratedStatementMatchesItsSnapshot() throws IOException {
        String now = render(statements());
        if (Boolean.getBoolean("seglift.golden.update")) {
            Files.writeString(GOLDEN, now, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file; create it with -Dseglift.golden.update=true").exists();
        assertThat(now).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void everyGeneratedStatementParsesAsGoogleSql() {
        Map<String, String> failures = new LinkedHashMap<>();
        statements().forEach((name, sql) -> ZetaSqlGate.statementError(sql).ifPresent(e -> failures.put(name, e)));
        assertThat(failures).as("statements ZetaSQL rejects").isEmpty();
        System.out.println("ZetaSQL parser gate, bigquery dialect: " + statements().size() + " statements parsed");
    }

    /** Callers pass positional selects (the sync state MERGE does); the source must still have the key names. */
    @Test
    void anUpsertNamesTheSourceColumnsByPosition() {
        String merge = d.upsert(TableName.of("seglift", "t"), List.of("k"), List.of("v"), "SELECT CAST(? AS STRING), 1")
                .get(0);
        assertThat(merge).contains("USING ((SELECT NULL AS `k`, NULL AS `v` LIMIT 0) UNION ALL (SELECT CAST(? AS "
                + "STRING), 1)) AS s ON t.`k` = s.`k`");
        assertThat(ZetaSqlGate.statementError(merge)).isEmpty();
    }

    @Test
    void theTransactionScriptParses() {
        String script = "BEGIN TRANSACTION;\n" + d.upsert(TableName.of("seglift", "t"), List.of("k"), List.of("v"),
                "SELECT 'a' AS k, 1 AS v").get(0) + ";\nCOMMIT TRANSACTION;\nCALL BQ.ABORT_SESSION('s1');";
        assertThat(ZetaSqlGate.scriptError(script)).isEmpty();
    }

    @Test
    void theGateRejectsInvalidSql() {
        assertThat(ZetaSqlGate.statementError("SELECT 1 % 2")).as("% is not GoogleSQL").isPresent();
        assertThat(ZetaSqlGate.statementError("SELECT hash FROM t")).as("HASH is reserved").isPresent();
        assertThat(ZetaSqlGate.statementError("SELECT 'it''s'")).as("'' is no escape in GoogleSQL").isPresent();
        assertThat(ZetaSqlGate.statementError("INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 2"))
                .as("MySQL upsert").isPresent();
        assertThat(ZetaSqlGate.statementError("SELECT ('x' || lpad(h, 8, '0'))::bit(32)::bigint FROM t"))
                .as("PostgreSQL casts").isPresent();
        assertThat(ZetaSqlGate.statementError("SELECT 1; SELECT 2")).as("two statements").isPresent();
        assertThat(ZetaSqlGate.statementError("SELECT FROM WHERE")).isPresent();
    }

    @Test
    void otherDialectsSqlFailsTheGateWhereItDiffers() {
        io.seglift.spi.warehouse.Dialect ansi = new io.seglift.spi.warehouse.Dialect() {
            public String name() { return "ansi"; }
            public io.seglift.spi.warehouse.IdentifierCase identifierCase() { return io.seglift.spi.warehouse.IdentifierCase.LOWER; }
            public String type(ColumnType t) { return "TEXT"; }
            public String addDays(String a, String b) { return a; }
            public String daysBetween(String a, String b) { return a; }
            public String sha256Hex(String e) { return e; }
            public String hex8ToBigint(String h) { return h; }
            public String regexMatches(String e, String p) { return e; }
            public List<String> replaceTableAs(TableName t, String s) { return List.of(); }
            public List<String> upsert(TableName t, List<String> k, List<String> v, String s) { return List.of(); }
        };
        assertThat(ZetaSqlGate.statementError("SELECT " + ansi.holdoutBucket("'s'", "k") + " FROM t"))
                .as("the default holdout bucket uses %").isPresent();
        assertThat(ZetaSqlGate.statementError("SELECT " + d.holdoutBucket("'s'", "k") + " FROM t")).isEmpty();
    }

    /**
     * A model as large as the production one (167 trees; the compiled expression is about 394 kB there): the whole
     * query stays under BigQuery's 1,024k-character limit for GoogleSQL queries
     * (https://cloud.google.com/bigquery/quotas#query_jobs), and each tree's term parses on its own. The whole
     * 167-term sum is not handed to the gate: ZetaSQL's Java client returns the parse tree as a protocol buffer,
     * and the left-deep chain of additions is deeper than protobuf's nesting limit ("Failed to read message").
     */
    @Test
    void aProductionSizedModelFitsAndEveryTreeParses() {
        TreeEnsemble big = model(167, 6, 12, 7);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 12; i++) refs.add("f.`feature_" + i + "`");
        TreeSqlCompiler compiler = new TreeSqlCompiler(d);
        String sql = "SELECT f.`customer_key`, " + compiler.probability(big, refs) + " AS p FROM "
                + d.table(TableName.of("seglift", "features")) + " f";
        assertThat(sql.length()).as("characters").isGreaterThan(394_000).isLessThan(1_024_000);
        Map<Integer, String> failures = new LinkedHashMap<>();
        for (int t = 0; t < big.trees().size(); t++) {
            TreeEnsemble one = new TreeEnsemble(List.of(big.trees().get(t)), 0, big.features());
            String term = "SELECT " + compiler.margin(one, refs) + " AS t FROM " + d.table(TableName.of("seglift",
                    "features")) + " f";
            int tree = t;
            ZetaSqlGate.statementError(term).ifPresent(e -> failures.put(tree, e));
        }
        assertThat(failures).as("trees whose term ZetaSQL rejects").isEmpty();
        System.out.println("large model query: " + sql.length() + " characters; " + big.trees().size()
                + " tree terms parsed");
    }
}
