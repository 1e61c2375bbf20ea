package io.seglift.demo;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.seglift.spi.warehouse.ColumnType.*;

/** The demo's tables: the shop's raw export in schema {@code raw} and the generator's ground truth in {@code demo_truth}. */
public final class DemoTables {
    public static final String RAW = "raw";
    public static final String TRUTH = "demo_truth";

    public static final TableName CUSTOMERS = TableName.of(RAW, "customers");
    public static final TableName ORDERS = TableName.of(RAW, "orders");
    public static final TableName EMAIL_EVENTS = TableName.of(RAW, "email_events");
    public static final TableName SUPPRESSIONS = TableName.of(RAW, "suppressions");
    public static final TableName TRUTH_CUSTOMERS = TableName.of(TRUTH, "customers");
    public static final TableName FUTURE_ORDERS = TableName.of(TRUTH, "future_orders");
    public static final TableName CAMPAIGN = TableName.of(TRUTH, "campaign");
    public static final TableName PARAMETERS = TableName.of(TRUTH, "parameters");

    static final List<String> CUSTOMER_COLUMNS = List.of("customer_id", "email", "phone", "first_name", "last_name",
            "city", "state", "zip", "country", "gender", "date_of_birth", "signup_at", "email_opt_in", "sms_opt_in",
            "do_not_disturb", "ads_opt_in");
    static final List<String> ORDER_COLUMNS = List.of("order_id", "customer_id", "ordered_at", "total", "category",
            "status");
    static final List<String> EVENT_COLUMNS = List.of("customer_id", "occurred_at", "event_type", "campaign");
    static final List<String> SUPPRESSION_COLUMNS = List.of("customer_id", "reason", "suppressed_at");
    static final List<String> TRUTH_COLUMNS = List.of("customer_id", "purchase_rate_per_day", "dropout_probability",
            "mean_spend", "favourite_category", "alive_at_as_of", "dropped_out_at", "expected_purchases_90d",
            "uplift_draw");

    private DemoTables() {
    }

    /** Drops and recreates every demo table, empty. */
    public static void recreate(Warehouse w) {
        Dialect d = w.dialect();
        w.execute(d.createSchemaIfNotExists(RAW));
        w.execute(d.createSchemaIfNotExists(TRUTH));
        create(w, CUSTOMERS, columns(CUSTOMER_COLUMNS, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT,
                DATE, TIMESTAMP, BOOLEAN, BOOLEAN, BOOLEAN, BOOLEAN));
        create(w, ORDERS, orderColumns());
        create(w, EMAIL_EVENTS, columns(EVENT_COLUMNS, TEXT, TIMESTAMP, TEXT, TEXT));
        create(w, SUPPRESSIONS, columns(SUPPRESSION_COLUMNS, TEXT, TEXT, TIMESTAMP));
        create(w, TRUTH_CUSTOMERS, columns(TRUTH_COLUMNS, TEXT, DOUBLE, DOUBLE, DOUBLE, TEXT, BOOLEAN, TIMESTAMP,
                DOUBLE, DOUBLE));
        create(w, FUTURE_ORDERS, orderColumns());
        create(w, CAMPAIGN, columns(List.of("true_effect_pp", "window_days", "outcome", "description"),
                DOUBLE, INTEGER, TEXT, TEXT));
        create(w, PARAMETERS, columns(List.of("name", "value"), TEXT, TEXT));
    }

    private static Map<String, ColumnType> orderColumns() {
        return columns(ORDER_COLUMNS, TEXT, TEXT, TIMESTAMP, DOUBLE, TEXT, TEXT);
    }

    private static Map<String, ColumnType> columns(List<String> names, ColumnType... types) {
        Map<String, ColumnType> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) m.put(names.get(i), types[i]);
        return m;
    }

    private static void create(Warehouse w, TableName table, Map<String, ColumnType> columns) {
        Dialect d = w.dialect();
        w.execute("DROP TABLE IF EXISTS " + d.table(table));
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(d.table(table)).append(" (");
        String sep = "";
        for (var e : columns.entrySet()) {
            sql.append(sep).append(d.quote(e.getKey())).append(' ').append(d.type(e.getValue()));
            sep = ", ";
        }
        w.execute(sql.append(')').toString());
    }
}
