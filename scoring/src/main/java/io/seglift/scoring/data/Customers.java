package io.seglift.scoring.data;

import io.seglift.config.CustomersSource;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.Warehouse;

/**
 * The customers table as every stage reads it: one row per customer key. Rows without a key are left out, and when
 * several rows share a key the one whose whole-row text sorts first is kept (a pure function of the rows' values, so
 * the same row wins on every run; identical copies are interchangeable). The rows left out are counted by the audit
 * ({@code duplicate customer rows}) and reported by the stages that read customers.
 */
public final class Customers {
    /** The column holding the customer key as text, as stored in Seglift's tables. */
    public static final String KEY = "seglift_customer_key";

    private final CustomersSource source;
    private final Dialect d;

    public Customers(CustomersSource source, Dialect dialect) {
        this.source = source;
        this.d = dialect;
    }

    private String key(String alias) {
        return alias + "." + d.quote(Identifiers.require(source.key(), "sources.customers.key"));
    }

    /** Every column of the customers table plus {@value #KEY}, one row per non-null key. */
    public String rows() {
        String key = key("seglift_c");
        // Ordering by whole-row text is costly (a text sort of every row), so only keys on several rows pay for it.
        String unique = "SELECT * FROM (SELECT seglift_c.*, CASE WHEN " + key + " IS NOT NULL AND COUNT(*) OVER (PARTITION BY "
                + key + ") = 1 THEN " + d.castText(key) + " END AS " + KEY + " FROM " + d.table(source.table())
                + " seglift_c) seglift_u WHERE " + KEY + " IS NOT NULL";
        return unique + " UNION ALL "
                + "SELECT * FROM (SELECT seglift_c.*, CASE WHEN " + key + " IS NOT NULL AND ROW_NUMBER() OVER (PARTITION BY "
                + key + " ORDER BY " + d.rowText("seglift_c") + ") = 1 THEN " + d.castText(key) + " END AS " + KEY
                + " FROM " + d.table(source.table()) + " seglift_c WHERE " + key + " IN (SELECT " + key("seglift_d") + " FROM "
                + d.table(source.table()) + " seglift_d GROUP BY " + key("seglift_d") + " HAVING COUNT(*) > 1)) seglift_r WHERE "
                + KEY + " IS NOT NULL";
    }

    /** Rows left out because an earlier row has the same key. */
    public long duplicateRows(Warehouse w) {
        String key = key("c");
        return w.queryLong("SELECT COUNT(" + key + ") - COUNT(DISTINCT " + key + ") FROM " + d.table(source.table()) + " c");
    }
}
