package io.seglift.sync.plan;

import io.seglift.config.CustomersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;

import java.time.LocalDate;

/**
 * The SELECT of the member profile as of a date, which sync {@code fields} read: one row per customer with its columns
 * and the key as text in {@value #KEY}. The engine does not know how scores are built; the application passes the
 * scoring module's profile (customers joined with RFM and model scores) in.
 */
@FunctionalInterface
public interface MemberProfile {
    /** The column holding the customer key as text, as stored in Seglift's tables. */
    String KEY = "seglift_customer_key";

    /** The profile's SELECT as of {@code asOf}. */
    String sql(ProjectConfig project, Dialect dialect, LocalDate asOf);

    /** The customers table alone: fields can read only the customers' own columns. */
    static MemberProfile customersOnly() {
        return (project, d, asOf) -> customersTable(project.sources().customers(), d);
    }

    /**
     * The customers table as it is, every row with the key as text in {@value #KEY}: a key held on several rows is on
     * several rows here (no deduplication).
     */
    static String customersTable(CustomersSource customers, Dialect d) {
        String key = d.castText("c." + d.quote(Identifiers.require(customers.key(), "sources.customers.key")));
        return "SELECT c.*, " + key + " AS " + KEY + " FROM " + d.table(customers.table()) + " c";
    }
}
