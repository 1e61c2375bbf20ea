package io.seglift.scoring.features;

import io.seglift.config.EventsSource;
import io.seglift.config.ModelConfig;
import io.seglift.config.OrdersSource;
import io.seglift.config.SourcesConfig;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves point-in-time correctness by experiment: computes a model's features as of a cutoff twice, once on the real
 * orders and events and once on views truncated to rows dated strictly before the cutoff (with every reference to
 * those tables in user {@code sql_features} pointed at the views), and compares them customer by customer. A feature
 * that reads the future, built in or user-written, gives different values and is named. Customer attributes are not
 * versioned, so a customers column that is itself updated after the cutoff cannot be detected this way.
 *
 * <p>Views, not copies: a copy wrote every order dated before the cutoff once more (most of the orders table) only to
 * be read once; through a view the engine filters while it aggregates, and the warehouse holds nothing new.
 */
public final class LeakGuard {
    /** Name of the column {@link Probe#flagged} adds. */
    public static final String FLAG = "leak_flag__";
    private static final double TOLERANCE = 1e-9;
    private final Warehouse w;
    private final SourcesConfig sources;
    private final Dialect d;

    public LeakGuard(Warehouse warehouse, SourcesConfig sources) {
        this.w = warehouse;
        this.sources = sources;
        this.d = warehouse.dialect();
    }

    /** What training says when {@link #needsProbe} is false. */
    public static final String BUILT_IN_ONLY = "built-in features only, each dated before the cutoff by construction";

    /**
     * Whether training must run the probe for {@code model}: only when it declares {@code sql_features}. Every built-in
     * feature reads purchases through {@code PurchaseFacts} and events through one filter, both with the cutoff as an
     * exclusive bound; the truncated views apply that same bound, so on built-in features the probe cannot differ
     * and only repeats the feature computation (a third aggregation of the orders per training).
     * {@code PropensityModelsTest.everyBuiltInFeatureGroupPassesTheProbe} runs the probe on all of them.
     */
    public static boolean needsProbe(ModelConfig model) {
        return !model.sqlFeatures().isEmpty();
    }

    public LeakReport check(ModelConfig model, LocalDate cutoff) {
        if (model.target().kind() == ModelConfig.Target.Kind.LABEL) {
            return new LeakReport(cutoff, 0, Map.of());
        }
        FeatureSet actual = new FeatureBuilder(sources, w).build(model, cutoff);
        try (Probe probe = probe(model, cutoff)) {
            return compare(actual, probe.past(), cutoff);
        }
    }

    /**
     * Opens the truncated views and builds the model's features on them, so a caller that reads the real features
     * anyway (the validation rows) can compare in the same pass ({@link Probe#flagged}) and ask {@link #check} for the
     * named report only when a row differs. Close the probe to drop the views.
     */
    public Probe probe(ModelConfig model, LocalDate cutoff) {
        TableName ordersView = w.own("pit_guard_orders_view");
        TableName eventsView = w.own("pit_guard_events_view");
        String cut = d.dateLiteral(cutoff);
        OrdersSource o = sources.orders();
        Probe probe = new Probe(ordersView, eventsView);
        try {
            truncatedView(o.table(), o.at(), ordersView, cut);
            Optional<EventsSource> ev = sources.events();
            ev.ifPresent(e -> truncatedView(e.table(), e.at(), eventsView, cut));
            SourcesConfig truncated = new SourcesConfig(sources.customers(),
                    new OrdersSource(ordersView, o.customer(), o.at(), o.orderId(), o.amount(), o.quantity(),
                            o.unitPrice(), o.category(), o.rules()),
                    ev.map(e -> new EventsSource(eventsView, e.customer(), e.at(), e.type(), e.openValues(),
                            e.clickValues())), sources.suppressions());
            Map<String, String> rewritten = new LinkedHashMap<>();
            model.sqlFeatures().forEach((k, v) -> {
                String sql = retarget(v, o.table(), ordersView);
                if (ev.isPresent()) {
                    sql = retarget(sql, ev.get().table(), eventsView);
                }
                rewritten.put(k, sql);
            });
            ModelConfig onViews = new ModelConfig(model.name(), model.target(), model.features(), rewritten,
                    model.params());
            probe.past = new FeatureBuilder(truncated, w).build(onViews, cutoff);
            return probe;
        } catch (RuntimeException e) {
            probe.close();
            throw e;
        }
    }

    /** The truncated views of one check and the features computed on them; closing drops the views. */
    public final class Probe implements AutoCloseable {
        private final TableName ordersView;
        private final TableName eventsView;
        private FeatureSet past;

        private Probe(TableName ordersView, TableName eventsView) {
            this.ordersView = ordersView;
            this.eventsView = eventsView;
        }

        /** The features as of the cutoff computed on the truncated views. */
        public FeatureSet past() {
            return past;
        }

        /**
         * {@code frame} (whose {@code customer_key} and feature columns are the real features as of the cutoff) with
         * one more column {@value LeakGuard#FLAG}: 0 when the row agrees with the truncated computation, the number of
         * differing features when not, and -1 for a customer present on one side only (those rows carry NULL
         * columns from the frame and must not be used). The same comparison as {@link #check}.
         */
        public String flagged(String frame, List<String> features) {
            StringBuilder flag = new StringBuilder("CASE WHEN a.customer_key IS NULL OR b.customer_key IS NULL "
                    + "THEN -1 ELSE 0");
            for (String n : features) {
                flag.append(" + ").append(differs("a." + d.quote(n), "b." + d.quote(n)));
            }
            flag.append(" END");
            return "SELECT a.*, " + flag + " AS " + FLAG + " FROM (" + frame + ") a FULL OUTER JOIN ("
                    + past.select(d) + ") b ON a.customer_key = b.customer_key";
        }

        @Override
        public void close() {
            w.execute("DROP VIEW IF EXISTS " + d.table(ordersView));
            w.execute("DROP VIEW IF EXISTS " + d.table(eventsView));
        }
    }

    /** 1 when two feature values differ (one NULL, or beyond the tolerance), else 0. */
    private String differs(String a, String b) {
        return "(CASE WHEN (" + a + " IS NULL) <> (" + b + " IS NULL) OR ABS(" + a + " - " + b + ") > " + TOLERANCE
                + " * (1 + ABS(" + a + ")) THEN 1 ELSE 0 END)";
    }

    private void truncatedView(TableName source, String atColumn, TableName view, String cut) {
        String at = "t." + d.quote(Identifiers.require(atColumn, "date column"));
        w.execute("DROP VIEW IF EXISTS " + d.table(view));
        w.execute("CREATE VIEW " + d.table(view) + " AS SELECT t.* FROM " + d.table(source) + " t WHERE " + at
                + " IS NOT NULL AND " + d.castDate(at) + " < " + cut);
    }

    /** Points every spelling of {@code from} in user SQL at {@code to}. */
    String retarget(String sql, TableName from, TableName to) {
        String out = sql;
        List<String> spellings = new java.util.ArrayList<>(List.of(d.table(from), from.toString()));
        if (from.schema().isEmpty()) {
            spellings.add(d.quote(from.table()));
        }
        for (String s : spellings) {
            out = Pattern.compile("(?<![\\w.\"])" + Pattern.quote(s) + "(?![\\w\"])", Pattern.CASE_INSENSITIVE)
                    .matcher(out).replaceAll(Matcher.quoteReplacement(d.table(to)));
        }
        return out;
    }

    private LeakReport compare(FeatureSet actual, FeatureSet past, LocalDate cutoff) {
        StringBuilder sql = new StringBuilder("SELECT SUM(CASE WHEN a.customer_key IS NULL OR b.customer_key IS NULL "
                + "THEN 1 ELSE 0 END) AS population__");
        for (String n : actual.names()) {
            String a = "a." + d.quote(n);
            String b = "b." + d.quote(n);
            sql.append(", SUM(CASE WHEN a.customer_key IS NOT NULL AND b.customer_key IS NOT NULL THEN ")
                    .append(differs(a, b)).append(" ELSE 0 END) AS ").append(d.quote(n));
        }
        sql.append(" FROM (").append(actual.select(d)).append(") a FULL OUTER JOIN (").append(past.select(d))
                .append(") b ON a.customer_key = b.customer_key");
        List<String> names = actual.names();
        return w.queryOne(sql.toString(), List.of(), r -> {
            Map<String, Long> diff = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Object v = r.get(i + 1);
                long n = v == null ? 0 : ((Number) v).longValue();
                if (n > 0) {
                    diff.put(names.get(i), n);
                }
            }
            Object pop = r.get(0);
            return new LeakReport(cutoff, pop == null ? 0 : ((Number) pop).longValue(), diff);
        }).orElseThrow();
    }
}
