package io.seglift.scoring.features;

import io.seglift.config.CustomersSource;
import io.seglift.config.EventsSource;
import io.seglift.config.ModelConfig;
import io.seglift.config.SourcesConfig;
import io.seglift.scoring.data.Customers;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the point-in-time {@link FeatureSet} of a model as of a cutoff: every source row read is dated strictly
 * before the cutoff (purchases through {@link PurchaseFacts} with the cutoff as exclusive bound, events filtered the
 * same way). Groups:
 * <ul>
 *   <li>{@code rfm}: recency_days, frequency, monetary_total (net of cancellations under {@code net});</li>
 *   <li>{@code behaviour}: orders and spend in the last 30, 90 and 180 days;</li>
 *   <li>{@code trend}: orders in the previous 90 days (days 91-180) and the change last-90 minus previous-90;</li>
 *   <li>{@code tenure}: days since signup ({@code created_at}, else first purchase) and since first purchase;</li>
 *   <li>{@code aov}: average order value;</li>
 *   <li>{@code categories}: distinct categories bought (only when orders have a category);</li>
 *   <li>{@code engagement}: opens and clicks in the last 30 days (only with an events source);</li>
 *   <li>{@code label_table}: for label-column models, the label table's own columns ({@link LabelTableColumns});</li>
 *   <li>user {@code sql_features}: SQL over the customers table, alias {@code c} (one row per key, {@link Customers}).</li>
 * </ul>
 * Population: purchase models score customers known before the cutoff (signed up before it, or with a purchase before
 * it); churn models score customers active before it, meaning at least one purchase in the
 * {@value #ACTIVE_DAYS} days before the cutoff; label models score the rows of the label table.
 */
public final class FeatureBuilder {
    /** Groups used when a model lists none. */
    public static final List<String> DEFAULT_GROUPS =
            List.of("rfm", "behaviour", "trend", "tenure", "aov", "categories", "engagement");
    private static final Set<String> KNOWN = Set.of("rfm", "behaviour", "trend", "tenure", "aov", "categories",
            "engagement", "label_table");
    /** Churn population: customers with a purchase in this many days before the cutoff. */
    public static final int ACTIVE_DAYS = 365;

    private final SourcesConfig sources;
    private final Warehouse warehouse;
    private final Dialect d;

    public FeatureBuilder(SourcesConfig sources, Warehouse warehouse) {
        this.sources = sources;
        this.warehouse = warehouse;
        this.d = warehouse.dialect();
    }

    /** The features of {@code model} as of {@code cutoff} (ignored for label models). */
    public FeatureSet build(ModelConfig model, LocalDate cutoff) {
        List<String> groups = model.features().isEmpty()
                ? (model.target().kind() == ModelConfig.Target.Kind.LABEL ? List.of("label_table") : DEFAULT_GROUPS)
                : model.features();
        for (String g : groups) {
            if (!KNOWN.contains(g)) {
                throw new IllegalArgumentException("scoring.models." + model.name() + ".features: unknown group '" + g
                        + "' (allowed: " + KNOWN.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
        FeatureSet set = model.target().kind() == ModelConfig.Target.Kind.LABEL
                ? labelFeatures(model, groups)
                : purchaseFeatures(model, groups, cutoff);
        if (set.features().isEmpty()) {
            throw new IllegalArgumentException("scoring.models." + model.name() + ".features: model '" + model.name()
                    + "' has no features (groups: " + String.join(", ", groups)
                    + (set.notes().isEmpty() ? "" : "; " + String.join("; ", set.notes()))
                    + "); give feature groups that apply"
                    + (model.target().kind() == ModelConfig.Target.Kind.LABEL
                    ? " (label_table: the label table's other columns)" : "")
                    + " or SQL under scoring.models." + model.name() + ".sql_features");
        }
        return set;
    }

    private String c(String column) {
        return "c." + d.quote(Identifiers.require(column, "sources.customers column"));
    }

    private List<Feature> sqlFeatures(ModelConfig model) {
        List<Feature> out = new ArrayList<>();
        for (Map.Entry<String, String> e : model.sqlFeatures().entrySet()) {
            Identifiers.require(e.getKey(), "scoring.models." + model.name() + ".sql_features name");
            out.add(new Feature(e.getKey(), "sql", "(" + e.getValue() + ")"));
        }
        return out;
    }

    private FeatureSet labelFeatures(ModelConfig model, List<String> groups) {
        ModelConfig.LabelColumn label = model.target().label().orElseThrow(() -> new IllegalArgumentException(
                "scoring.models." + model.name() + ".target: a label model needs label.table, key and column"));
        List<Feature> features = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (groups.contains("label_table")) {
            features.addAll(new LabelTableColumns(warehouse).features(label, notes));
        }
        for (String g : groups) {
            if (!g.equals("label_table")) {
                notes.add(g + ": not available for label-column models (no cutoff); use sql_features");
            }
        }
        String lkey = d.castText("l." + d.quote(Identifiers.require(label.key(), "label.key")));
        String from = "FROM " + d.table(label.table()) + " l";
        if (!model.sqlFeatures().isEmpty()) {
            CustomersSource cs = sources.customers();
            from += " LEFT JOIN (" + new Customers(cs, d).rows() + ") c ON c." + Customers.KEY + " = " + lkey;
            features.addAll(sqlFeatures(model));
        }
        return new FeatureSet(features, "", lkey, from, null, notes);
    }

    private FeatureSet purchaseFeatures(ModelConfig model, List<String> groups, LocalDate cutoff) {
        PurchaseFacts facts = new PurchaseFacts(sources.orders(), d);
        String cut = d.dateLiteral(cutoff);
        List<String> notes = new ArrayList<>();
        List<Feature> f = new ArrayList<>();
        String since30 = d.addDays(cut, "-30");
        String since90 = d.addDays(cut, "-90");
        String since180 = d.addDays(cut, "-180");
        StringBuilder ctes = new StringBuilder("WITH pu AS (").append(facts.purchases(cut)).append("), ")
                .append("pa AS (SELECT customer_key, MIN(purchase_date) AS first_date, MAX(purchase_date) AS last_date,"
                        + " COUNT(*) AS n, SUM(value) AS total")
                .append(window("30", since30)).append(window("90", since90)).append(window("180", since180))
                .append(", SUM(CASE WHEN purchase_date >= ").append(since180).append(" AND purchase_date < ")
                .append(since90).append(" THEN 1 ELSE 0 END) AS n_prev90")
                .append(" FROM pu GROUP BY customer_key), ")
                .append("aa AS (SELECT customer_key, SUM(value) AS adj FROM (").append(facts.adjustments(cut))
                .append(") a GROUP BY customer_key)");
        String joins = " LEFT JOIN pa ON pa.customer_key = %1$s LEFT JOIN aa ON aa.customer_key = %1$s";
        String netTotal = "(pa.total + COALESCE(aa.adj, 0))";

        CustomersSource cs = sources.customers();
        String key = "c." + Customers.KEY;
        for (String g : groups) {
            switch (g) {
                case "rfm" -> {
                    f.add(new Feature("recency_days", g, d.daysBetween("pa.last_date", cut)));
                    f.add(new Feature("frequency", g, "COALESCE(pa.n, 0)"));
                    f.add(new Feature("monetary_total", g, "COALESCE(" + netTotal + ", 0)"));
                }
                case "behaviour" -> {
                    for (String w : List.of("30", "90", "180")) {
                        f.add(new Feature("orders_" + w + "d", g, "COALESCE(pa.n" + w + ", 0)"));
                        f.add(new Feature("spend_" + w + "d", g, "COALESCE(pa.v" + w + ", 0)"));
                    }
                }
                case "trend" -> {
                    f.add(new Feature("orders_prev_90d", g, "COALESCE(pa.n_prev90, 0)"));
                    f.add(new Feature("orders_trend_90d", g, "(COALESCE(pa.n90, 0) - COALESCE(pa.n_prev90, 0))"));
                }
                case "tenure" -> {
                    String start = cs.createdAt().map(col -> "COALESCE(" + d.castDate(c(col)) + ", pa.first_date)")
                            .orElse("pa.first_date");
                    f.add(new Feature("tenure_days", g, d.daysBetween(start, cut)));
                    f.add(new Feature("days_since_first_purchase", g, d.daysBetween("pa.first_date", cut)));
                }
                case "aov" -> f.add(new Feature("avg_order_value", g,
                        "(" + netTotal + " / " + d.castDouble("pa.n") + ")"));
                case "categories" -> {
                    if (sources.orders().category().isEmpty()) {
                        notes.add("categories: skipped, sources.orders has no category column");
                    } else {
                        ctes.append(", ca AS (SELECT customer_key, COUNT(DISTINCT category) AS cats FROM (")
                                .append(facts.lines(cut)).append(") l GROUP BY customer_key)");
                        joins += " LEFT JOIN ca ON ca.customer_key = %1$s";
                        f.add(new Feature("distinct_categories", g, "COALESCE(ca.cats, 0)"));
                    }
                }
                case "engagement" -> {
                    if (sources.events().isEmpty()) {
                        notes.add("engagement: skipped, no sources.events");
                    } else {
                        ctes.append(", ev AS (").append(engagement(sources.events().get(), cut, since30)).append(")");
                        joins += " LEFT JOIN ev ON ev.customer_key = %1$s";
                        f.add(new Feature("opens_30d", g, "COALESCE(ev.opens, 0)"));
                        f.add(new Feature("clicks_30d", g, "COALESCE(ev.clicks, 0)"));
                    }
                }
                default -> notes.add(g + ": only for label-column models");
            }
        }
        f.addAll(sqlFeatures(model));

        String population = switch (model.target().kind()) {
            case CHURN -> "pa.last_date >= " + d.addDays(cut, "-" + ACTIVE_DAYS);
            default -> cs.createdAt().map(col -> "(" + d.castDate(c(col)) + " < " + cut + " OR pa.customer_key IS NOT NULL)")
                    .orElse("pa.customer_key IS NOT NULL");
        };
        String from = "FROM (" + new Customers(cs, d).rows() + ") c" + String.format(java.util.Locale.ROOT, joins, key) + " WHERE " + population;
        return new FeatureSet(f, ctes.toString(), key, from, cutoff, notes);
    }

    private String window(String days, String since) {
        return ", SUM(CASE WHEN purchase_date >= " + since + " THEN 1 ELSE 0 END) AS n" + days
                + ", SUM(CASE WHEN purchase_date >= " + since + " THEN value ELSE 0 END) AS v" + days;
    }

    private String engagement(EventsSource ev, String cut, String since30) {
        String at = "e." + d.quote(Identifiers.require(ev.at(), "sources.events.at"));
        String type = d.castText("e." + d.quote(Identifiers.require(ev.type(), "sources.events.type")));
        String cust = "e." + d.quote(Identifiers.require(ev.customer(), "sources.events.customer"));
        return "SELECT " + d.castText(cust) + " AS customer_key, "
                + "SUM(CASE WHEN " + type + " IN (" + list(ev.openValues()) + ") THEN 1 ELSE 0 END) AS opens, "
                + "SUM(CASE WHEN " + type + " IN (" + list(ev.clickValues()) + ") THEN 1 ELSE 0 END) AS clicks "
                + "FROM " + d.table(ev.table()) + " e WHERE " + cust + " IS NOT NULL AND " + d.castDate(at) + " < " + cut
                + " AND " + d.castDate(at) + " >= " + since30 + " GROUP BY " + d.castText(cust);
    }

    private String list(List<String> values) {
        return values.isEmpty() ? "NULL" : values.stream().map(d::literal).collect(Collectors.joining(", "));
    }
}
