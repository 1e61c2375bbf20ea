package io.seglift.config.read;

import java.util.List;

/**
 * The keys allowed at each level of the project file. The reader checks against these and the JSON Schema is built from
 * them, so the two cannot drift apart.
 */
public final class Keys {
    public static final List<String> TOP = List.of("project", "warehouse", "sources", "scoring", "segments",
            "destinations", "syncs", "alerts");
    /** Besides the warehouse factory's own keys. */
    public static final List<String> WAREHOUSE = List.of("type", "schema");
    public static final List<String> SOURCES = List.of("customers", "orders", "events", "suppressions");
    public static final List<String> CUSTOMER_IDENTIFIERS = List.of("email", "phone", "first_name", "last_name",
            "city", "state", "zip", "country", "gender", "date_of_birth", "external_id", "mobile_ad_id");
    public static final List<String> CUSTOMERS = concat(List.of("table", "key"), CUSTOMER_IDENTIFIERS,
            List.of("created_at", "consent"));
    public static final List<String> CONSENT = List.of("email", "sms", "dnd", "ads");
    public static final List<String> ORDERS = List.of("table", "customer", "at", "order_id", "amount", "quantity",
            "unit_price", "category", "rules");
    public static final List<String> ORDER_RULES = List.of("count_by", "cancelled_when", "cancellations",
            "drop_non_positive");
    public static final List<String> EVENTS = List.of("table", "customer", "at", "type", "opens", "clicks");
    public static final List<String> SUPPRESSIONS = List.of("table", "customer");
    public static final List<String> SCORING = List.of("audit", "rfm", "models", "clv", "clusters");
    public static final List<String> CLUSTERS = List.of("features", "k", "sample", "restarts", "seed", "log");
    public static final List<String> CLUSTERS_K = List.of("min", "max");
    public static final List<String> CLV = List.of("horizon_months", "discount_rate", "calibration_end", "holdout_weeks");
    public static final List<String> AUDIT = List.of("min_purchases", "window_months", "min_qualified",
            "min_history_months");
    public static final List<String> RFM = List.of("bins", "segments");
    public static final List<String> RFM_SEGMENT = List.of("name", "rule");
    public static final List<String> MODEL = List.of("target", "features", "sql_features", "params");
    public static final List<String> MODEL_TARGET = List.of("churn_within_days", "purchase_within_days", "label");
    public static final List<String> LABEL = List.of("table", "key", "column", "positive");
    /** Feature groups computed from orders and events as of a cutoff (purchase and churn models). */
    public static final List<String> DATED_FEATURES = List.of("rfm", "behaviour", "trend", "tenure", "aov",
            "categories", "engagement");
    /** Every feature group: the dated ones and {@code label_table} (label-column models). */
    public static final List<String> FEATURES = concat(DATED_FEATURES, List.of("label_table"));
    public static final List<String> SEGMENT = List.of("rule", "holdout", "salt", "description", "brief");
    public static final List<String> BRIEF = List.of("channel", "hypothesis", "success_metric", "owner");
    public static final List<String> SUCCESS_METRIC = List.of("name", "outcome", "window_days", "target");
    /** Besides the destination factory's own keys. */
    public static final List<String> DESTINATION = List.of("type", "rate_limit");
    public static final List<String> RATE_LIMIT = List.of("requests", "per", "scope");
    public static final List<String> SYNC = concat(List.of("name", "segment", "destination", "mode", "schedule",
            "fields", "max_removal_share", "max_addition_share", "max_server_wait", "min_match_rate"),
            io.seglift.config.SyncConfig.PER_SYNC_SETTINGS);

    public static final List<String> ALERTS = List.of("webhook", "on", "rejected_share_above", "max_attempts",
            "give_up_after");
    public static final List<String> WEBHOOK = List.of("url", "secret");

    private Keys() {
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
