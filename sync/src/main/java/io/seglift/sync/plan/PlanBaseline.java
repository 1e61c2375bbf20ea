package io.seglift.sync.plan;

import io.seglift.config.CustomersSource;
import io.seglift.config.SegliftTables;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.state.SyncTables;

import java.time.LocalDate;

/**
 * The hand-written query the benchmark compares against: the email diff of a segment build against a sync's committed
 * audience, written as one {@code CREATE TABLE ... AS} the way an engineer would write it by hand — treatment members
 * of the build with email consent and a non-blank email, {@code EXCEPT} the synced audience (adds), and the synced
 * audience {@code EXCEPT} those members (removes). It applies the consent and identifier checks the planner applies
 * for an email sync without suppressions, and none of the planner's bookkeeping (exclusion reasons, other segments'
 * holdouts, paging order, samples). Written for DuckDB; the result table is {@value #RESULT} in Seglift's schema.
 */
public final class PlanBaseline {
    /** The table the baseline writes: {@code operation}, {@code customer_key}. */
    public static final String RESULT = "plan_baseline";

    private PlanBaseline() {
    }

    /**
     * Writes the diff of {@code segment}'s build as of {@code asOf} against {@code syncName}'s synced audience, with
     * the email consent and identifier checks over {@code customers}; returns the number of operations.
     */
    public static long emailDiff(Warehouse w, String segment, LocalDate asOf, CustomersSource customers, String syncName) {
        Dialect d = w.dialect();
        String key = "c." + d.quote(customers.key());
        String email = "c." + d.quote(customers.identifiers().get(IdentifierType.EMAIL));
        String consent = "c." + d.quote(customers.consent().email().orElseThrow(
                () -> new IllegalArgumentException("sources.customers.consent.email is needed for the email baseline")));
        String send = "SELECT m.customer_key FROM " + members(w) + " m JOIN " + d.table(customers.table()) + " c ON "
                + d.castText(key) + " = m.customer_key WHERE m.segment = " + d.literal(segment) + " AND m.as_of = "
                + d.dateLiteral(asOf) + " AND m.arm = 'treatment' AND " + consent + " AND NULLIF(TRIM(" + email
                + "), '') IS NOT NULL";
        return write(w, send, syncName);
    }

    /** The bare diff: the build's members {@code EXCEPT} the synced audience and back, no check at all. */
    public static long bareExcept(Warehouse w, String segment, LocalDate asOf, String syncName) {
        Dialect d = w.dialect();
        String send = "SELECT customer_key FROM " + members(w) + " WHERE segment = " + d.literal(segment)
                + " AND as_of = " + d.dateLiteral(asOf);
        return write(w, send, syncName);
    }

    private static String members(Warehouse w) {
        return w.dialect().table(w.own(SegliftTables.SEGMENT_MEMBERS));
    }

    private static long write(Warehouse w, String send, String syncName) {
        Dialect d = w.dialect();
        String audience = "SELECT customer_key FROM " + new SyncTables(w).q(SyncTables.STATE) + " WHERE sync_name = "
                + d.literal(syncName) + " AND status = 'synced'";
        TableName out = w.own(RESULT);
        w.execute("CREATE OR REPLACE TABLE " + d.table(out) + " AS WITH send AS (" + send + "), audience AS (" + audience
                + ") SELECT 'add' AS operation, customer_key FROM (SELECT customer_key FROM send EXCEPT SELECT customer_key"
                + " FROM audience) a UNION ALL SELECT 'remove', customer_key FROM (SELECT customer_key FROM audience EXCEPT"
                + " SELECT customer_key FROM send) r");
        return w.queryLong("SELECT COUNT(*) FROM " + d.table(out));
    }
}
