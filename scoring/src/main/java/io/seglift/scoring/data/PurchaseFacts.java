package io.seglift.scoring.data;

import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL for the cleaned orders, following {@link OrderRules}:
 * <ul>
 *   <li>rows without a customer are left out (the audit counts them);</li>
 *   <li>a row's value is {@code amount}, or {@code quantity * unit_price};</li>
 *   <li>rows matching {@code cancelled_when} never count as purchases; with {@code cancellations: net} their (negative)
 *       value is kept as an adjustment to monetary value, with {@code exclude} they are dropped;</li>
 *   <li>with {@code drop_non_positive}, other rows whose value, quantity or unit price is zero or negative are dropped;</li>
 *   <li>rows whose value, quantity or unit price is NaN, infinite or beyond {@link #MAX_ABS_VALUE} in absolute value
 *       are invalid and dropped, cancellations included (the audit counts them);</li>
 *   <li>one purchase is one order id ({@code count_by: order}; falls back to customer-day when no order id is
 *       configured), one line ({@code line}), or one customer-day ({@code day}); same-order lines are summed.</li>
 * </ul>
 * All queries produce text customer keys and dates, and take an exclusive upper bound on the date so nothing after a
 * cutoff leaks in.
 */
public final class PurchaseFacts {
    /** The largest absolute value, quantity or unit price a row may have; beyond it the row is invalid. */
    public static final double MAX_ABS_VALUE = 1e12;

    private final OrdersSource orders;
    private final Dialect d;

    public PurchaseFacts(OrdersSource orders, Dialect dialect) {
        this.orders = orders;
        this.d = dialect;
    }

    private String col(String name) {
        return "o." + d.quote(Identifiers.require(name, "sources.orders column"));
    }

    /** The value of one row. */
    public String valueExpr() {
        if (orders.amount().isPresent()) {
            return d.castDouble(col(orders.amount().get()));
        }
        return "(" + d.castDouble(col(orders.quantity().orElseThrow(() -> new IllegalStateException(
                "sources.orders needs amount, or quantity and unit_price")))) + " * "
                + d.castDouble(col(orders.unitPrice().orElseThrow(() -> new IllegalStateException(
                "sources.orders needs unit_price with quantity")))) + ")";
    }

    /**
     * True for rows of the orders table (alias {@code o}) whose value, quantity or unit price is NaN, infinite or beyond
     * {@link #MAX_ABS_VALUE}. Written as {@code NOT (ABS(x) <= max)}, which is true for NaN on every engine (NaN compares
     * unequal, or greater than every number); NULL values are not invalid here.
     */
    public String invalidExpr() {
        List<String> parts = new ArrayList<>();
        parts.add(valueExpr());
        orders.quantity().ifPresent(q -> parts.add(d.castDouble(col(q))));
        orders.unitPrice().ifPresent(p -> parts.add(d.castDouble(col(p))));
        String max = d.castDouble(Double.toString(MAX_ABS_VALUE));
        return "(" + String.join(" OR ", parts.stream().map(x -> "(" + x + " IS NOT NULL AND NOT (ABS(" + x + ") <= " + max
                + "))").toList()) + ")";
    }

    /** True for rows of the orders table (alias {@code o}) matching {@code cancelled_when}; {@code FALSE} when none is configured. */
    public String cancelledExpr() {
        return orders.rules().cancelledWhen().map(w -> "(" + w + ")").orElse("FALSE");
    }

    private String nonPositiveExpr() {
        List<String> parts = new ArrayList<>();
        parts.add(valueExpr() + " <= 0");
        orders.quantity().ifPresent(q -> parts.add(d.castDouble(col(q)) + " <= 0"));
        orders.unitPrice().ifPresent(p -> parts.add(d.castDouble(col(p)) + " <= 0"));
        return "(" + String.join(" OR ", parts) + ")";
    }

    /** The customer key of a row of the orders table (alias {@code o}) as text. */
    public String keyExpr() {
        return d.castText(col(orders.customer()));
    }

    /** The date of a row of the orders table (alias {@code o}). */
    public String dateExpr() {
        return d.castDate(col(orders.at()));
    }

    private String from(String before) {
        return " FROM " + d.table(orders.table()) + " o WHERE " + col(orders.customer()) + " IS NOT NULL AND "
                + col(orders.at()) + " IS NOT NULL" + (before == null ? "" : " AND " + dateExpr() + " < " + before);
    }

    /**
     * Cleaned purchase lines: {@code customer_key, purchase_id, purchase_date, value, category} for rows that count as
     * purchases, dated before {@code beforeDateExpr} (a SQL date expression, or {@code null} for no bound).
     */
    public String lines(String beforeDateExpr) {
        String category = orders.category().map(c -> d.castText(col(c))).orElse("CAST(NULL AS " + d.type(io.seglift.spi.warehouse.ColumnType.TEXT) + ")");
        return "SELECT " + keyExpr() + " AS customer_key, " + purchaseIdExpr() + " AS purchase_id, "
                + dateExpr() + " AS purchase_date, " + valueExpr() + " AS value, " + category + " AS category"
                + from(beforeDateExpr) + " AND " + keep();
    }

    private String keep() {
        return "NOT " + invalidExpr() + " AND NOT COALESCE(" + cancelledExpr() + ", FALSE)"
                + (orders.rules().dropNonPositive() ? " AND NOT COALESCE(" + nonPositiveExpr() + ", TRUE)" : "");
    }

    /** The raw (uncast) expression identifying a purchase, or empty when every line is one ({@code count_by: line}). */
    private java.util.Optional<String> purchaseIdRaw() {
        OrderRules.CountBy by = orders.rules().countBy();
        if (by == OrderRules.CountBy.LINE) {
            return java.util.Optional.empty();
        }
        if (by == OrderRules.CountBy.ORDER && orders.orderId().isPresent()) {
            return java.util.Optional.of(col(orders.orderId().get()));
        }
        return java.util.Optional.of(dateExpr());
    }

    private String purchaseIdExpr() {
        OrderRules.CountBy by = orders.rules().countBy();
        if (by == OrderRules.CountBy.ORDER && orders.orderId().isPresent()) {
            return d.castText(col(orders.orderId().get()));
        }
        if (by == OrderRules.CountBy.LINE) {
            return orders.orderId().map(id -> d.concat(d.castText(col(id)), d.literal("#"),
                            d.castText("ROW_NUMBER() OVER ()")))
                    .orElse(d.castText("ROW_NUMBER() OVER ()"));
        }
        return d.castText(dateExpr());
    }

    /**
     * One row per purchase as counted by {@code count_by}: {@code customer_key, purchase_id, purchase_date, value}. A
     * purchase is dated by its latest line (an order whose lines span midnight counts on the later day). Grouping
     * happens on the raw columns, and keys are cast to text once per purchase.
     */
    public String purchases(String beforeDateExpr) {
        if (purchaseIdRaw().isEmpty()) {
            return "SELECT customer_key, purchase_id, purchase_date, value FROM (" + lines(beforeDateExpr) + ") l";
        }
        String id = purchaseIdRaw().get();
        String key = col(orders.customer());
        return "SELECT " + d.castText("g.k") + " AS customer_key, " + d.castText("g.p") + " AS purchase_id,"
                + " g.purchase_date, g.value FROM (SELECT " + key + " AS k, " + id + " AS p, MAX(" + dateExpr()
                + ") AS purchase_date, SUM(" + valueExpr() + ") AS value" + from(beforeDateExpr) + " AND " + keep()
                + " GROUP BY " + key + ", " + id + ") g";
    }

    /**
     * One row per customer with at least one purchase: {@code customer_key, purchases, last_purchase, value} — the
     * same numbers as aggregating {@link #purchases} per customer, computed in one pass over the lines grouped by
     * customer only (what RFM needs at scale).
     */
    public String perCustomer(String beforeDateExpr) {
        String key = col(orders.customer());
        String count = purchaseIdRaw().map(id -> "COUNT(DISTINCT " + id + ") + MAX(CASE WHEN " + id
                + " IS NULL THEN 1 ELSE 0 END)").orElse("COUNT(*)");
        return "SELECT " + d.castText("g.k") + " AS customer_key, g.purchases, g.last_purchase, g.value FROM (SELECT "
                + key + " AS k, " + count + " AS purchases, MAX(" + dateExpr() + ") AS last_purchase, SUM("
                + valueExpr() + ") AS value" + from(beforeDateExpr) + " AND " + keep() + " GROUP BY " + key + ") g";
    }

    /** Whether {@link #adjustments} can hold rows: {@code cancellations: net} with a {@code cancelled_when}. */
    public boolean hasAdjustments() {
        return orders.rules().cancellations() == OrderRules.Cancellations.NET && orders.rules().cancelledWhen().isPresent();
    }

    /**
     * Monetary adjustments from cancellations under {@code cancellations: net}: {@code customer_key, adjustment_date,
     * value} with negative values; no rows under {@code exclude}.
     */
    public String adjustments(String beforeDateExpr) {
        if (!hasAdjustments()) {
            return "SELECT customer_key, purchase_date AS adjustment_date, value FROM (" + lines(beforeDateExpr)
                    + ") l WHERE 1 = 0";
        }
        return "SELECT " + keyExpr() + " AS customer_key, " + dateExpr() + " AS adjustment_date, -ABS(" + valueExpr()
                + ") AS value" + from(beforeDateExpr) + " AND " + cancelledExpr() + " AND NOT " + invalidExpr();
    }
}
