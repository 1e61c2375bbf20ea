package io.seglift.scoring.segments;

import io.seglift.config.SegliftTables;
import io.seglift.config.ProjectConfig;
import io.seglift.scoring.data.Customers;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.TableName;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The member profile as of a date: one row per customer key of the customers table ({@link Customers}: rows without a
 * key are left out, one row per duplicated key) with all its columns, the customer key as text in {@value #KEY}, the RFM columns of {@code rfm_scores} for that date ({@link #RFM_COLUMNS}, NULL for customers
 * without a purchase before it), the CLV columns of {@code clv_scores} for that date ({@link #CLV_COLUMNS}, likewise) and, per configured model, {@code <model>} and {@code <model>_decile} from the most recently
 * trained ({@code models.trained_at}) {@code model_id} of that model name scored for that date (NULL when none), and
 * {@value #CLUSTER} from {@code cluster_assignments} for that date (NULL when none). Segment rules and sync {@code fields} are
 * SQL over this view.
 */
public final class ProfileView {
    /** The column holding the customer key as text, as stored in Seglift's tables. */
    public static final String KEY = Customers.KEY;

    /** The name of the RFM scores among a rule's score inputs. */
    public static final String RFM = "rfm";

    /** The name of the cluster assignments among a rule's score inputs, and the column holding a customer's cluster. */
    public static final String CLUSTER = "cluster";

    /** RFM columns the view adds. */
    public static final List<String> RFM_COLUMNS = List.of("recency_days", "frequency", "monetary_total",
            "monetary_avg", "r_score", "f_score", "m_score", "rfm_segment");

    /** The name of the CLV scores among a rule's score inputs. */
    public static final String CLV = "clv";

    /** CLV columns the view adds from {@code clv_scores} for the date (NULL for customers without a purchase before it). */
    public static final List<String> CLV_COLUMNS = List.of("clv", "p_alive", "expected_purchases", "expected_aov");

    private ProfileView() {
    }

    /** The SELECT of the profile as of {@code asOf}. */
    public static String sql(ProjectConfig project, Dialect d, LocalDate asOf) {
        return sql(project, d, asOf, Set.of());
    }

    /**
     * The profile without the columns of the score inputs named in {@code without} ({@link #RFM} for the RFM columns,
     * a model name for that model's columns, {@link #CLUSTER} for the cluster): a rule that no longer compiles over it reads those inputs.
     */
    static String sql(ProjectConfig project, Dialect d, LocalDate asOf, Set<String> without) {
        String schema = project.warehouse().schema();
        String key = "c." + KEY;
        String asOfSql = d.dateLiteral(asOf);
        StringBuilder select = new StringBuilder("SELECT c.*");
        if (!without.contains(RFM)) {
            for (String col : RFM_COLUMNS) {
                select.append(", r.").append(col);
            }
        }
        StringBuilder from = new StringBuilder(" FROM (").append(new Customers(project.sources().customers(), d).rows())
                .append(") c LEFT JOIN ").append(d.table(TableName.of(schema, SegliftTables.RFM_SCORES))).append(" r ON r.as_of = ")
                .append(asOfSql).append(" AND r.customer_key = ").append(key);
        if (!without.contains(CLV)) {
            for (String col : CLV_COLUMNS) {
                select.append(", v.").append(col);
            }
            from.append(" LEFT JOIN ").append(d.table(TableName.of(schema, SegliftTables.CLV_SCORES))).append(" v ON v.as_of = ")
                    .append(asOfSql).append(" AND v.customer_key = ").append(key);
        }
        int i = 0;
        for (String model : project.scoring().models().keySet()) {
            String name = Identifiers.require(model, "scoring.models name");
            String alias = "m" + (i++);
            if (without.contains(name)) {
                continue;
            }
            String scores = d.table(TableName.of(schema, SegliftTables.MODEL_SCORES));
            select.append(", ").append(alias).append(".score AS ").append(d.quote(name))
                    .append(", ").append(alias).append(".decile AS ").append(d.quote(name + "_decile"));
            from.append(" LEFT JOIN (SELECT s.customer_key, s.score, s.decile FROM ").append(scores)
                    .append(" s WHERE s.model_name = ").append(d.literal(name)).append(" AND s.as_of = ").append(asOfSql)
                    .append(" AND s.model_id = (SELECT l.model_id FROM ").append(scores).append(" l JOIN ")
                    .append(d.table(TableName.of(schema, SegliftTables.MODELS))).append(" r ON r.model_id = l.model_id")
                    .append(" WHERE l.model_name = ").append(d.literal(name)).append(" AND l.as_of = ").append(asOfSql)
                    .append(" GROUP BY l.model_id, r.trained_at ORDER BY r.trained_at DESC, l.model_id DESC")
                    .append(d.limit(1)).append(")) ").append(alias)
                    .append(" ON ").append(alias).append(".customer_key = ").append(key);
        }
        if (!without.contains(CLUSTER)) {
            select.append(", ca.").append(CLUSTER);
            from.append(" LEFT JOIN ").append(d.table(TableName.of(schema, SegliftTables.CLUSTER_ASSIGNMENTS)))
                    .append(" ca ON ca.as_of = ").append(asOfSql).append(" AND ca.customer_key = ").append(key);
        }
        return select.append(from).toString();
    }
}
