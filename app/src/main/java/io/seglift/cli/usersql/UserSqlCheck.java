package io.seglift.cli.usersql;

import io.seglift.config.Problem;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SqlFragment;
import io.seglift.scoring.data.Customers;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks fragments of user SQL against the warehouse without running them: each is compiled inside the query it
 * belongs to (a rule over the member profile, {@code cancelled_when} over the orders table, a feature over the
 * customers table, ...). The same query with a neutral fragment is compiled first; when that fails too (a table not
 * loaded yet), the fragment is not to blame and is reported as unchecked instead.
 */
public final class UserSqlCheck {
    private final Warehouse w;
    private final Dialect d;
    private final ProjectConfig project;
    private final LocalDate asOf;

    /**
     * @param warehouse the warehouse; a {@link UserSqlWarehouse} is asked through its engine, so a refused fragment is
     *                  a finding here rather than an exception
     * @param asOf      the date the member profile is taken at (any date compiles the same)
     */
    public UserSqlCheck(Warehouse warehouse, ProjectConfig project, LocalDate asOf) {
        this.w = warehouse instanceof UserSqlWarehouse u ? u.engine() : warehouse;
        this.d = warehouse.dialect();
        this.project = project;
        this.asOf = asOf;
    }

    /** What checking the fragments found. */
    public record Findings(List<Problem> broken, List<Problem> unchecked) {
        public Findings {
            broken = List.copyOf(broken);
            unchecked = List.copyOf(unchecked);
        }
    }

    /** Checks {@code fragments}, in their order. */
    public Findings check(Collection<SqlFragment> fragments) {
        List<Problem> broken = new ArrayList<>();
        List<Problem> unchecked = new ArrayList<>();
        for (SqlFragment f : fragments) {
            Optional<String> base = w.checkQuery(probe(f.kind(), neutral(f.kind())));
            if (base.isPresent()) {
                unchecked.add(f.problem(project.file(), "SQL not checked: the warehouse cannot compile the query it "
                        + "belongs to yet (" + EngineReason.of(base.get()) + ")"));
                continue;
            }
            w.checkQuery(probe(f.kind(), f.sql())).ifPresent(reason -> broken.add(f.problem(project.file(),
                    "the warehouse refuses this SQL (" + over(f.kind()) + "): " + EngineReason.of(reason))));
        }
        return new Findings(broken, unchecked);
    }

    private static String neutral(SqlFragment.Kind kind) {
        return switch (kind) {
            case SYNC_FIELD, SQL_FEATURE -> "NULL";
            default -> "TRUE";
        };
    }

    private static String over(SqlFragment.Kind kind) {
        return switch (kind) {
            case SEGMENT_RULE -> "a boolean over the member profile";
            case SYNC_FIELD -> "a value over the member profile";
            case CANCELLED_WHEN -> "a boolean over the orders table";
            case SQL_FEATURE -> "a value over the customers table, alias c";
            case RFM_SEGMENT_RULE -> "a boolean over r_score, f_score, m_score, recency_days, frequency, "
                    + "monetary_total, monetary_avg";
        };
    }

    /** The query {@code sql} runs in, as the commands that use it build it. */
    private String probe(SqlFragment.Kind kind, String sql) {
        return switch (kind) {
            case SEGMENT_RULE -> "SELECT 1 AS x FROM (" + ProfileView.sql(project, d, asOf) + ") p WHERE COALESCE(("
                    + sql + "), FALSE)";
            case SYNC_FIELD -> "SELECT (" + sql + ") AS x FROM (" + ProfileView.sql(project, d, asOf) + ") p";
            case CANCELLED_WHEN -> "SELECT 1 AS x FROM " + d.table(project.sources().orders().table())
                    + " o WHERE COALESCE((" + sql + "), FALSE)";
            case SQL_FEATURE -> "SELECT (" + sql + ") AS x FROM (" + new Customers(project.sources().customers(), d)
                    .rows() + ") c";
            case RFM_SEGMENT_RULE -> "SELECT CASE WHEN (" + sql + ") THEN 1 END AS x FROM (SELECT 1 AS r_score, "
                    + "1 AS f_score, 1 AS m_score, 1 AS recency_days, 1 AS frequency, 1.0 AS monetary_total, "
                    + "1.0 AS monetary_avg) s";
        };
    }
}
