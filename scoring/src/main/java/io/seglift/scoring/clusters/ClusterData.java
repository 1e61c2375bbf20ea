package io.seglift.scoring.clusters;

import io.seglift.config.ClustersConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.scoring.segments.ProfileView;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL that feeds clustering, over the member profile as of a date: each feature as a double (as
 * {@code LN(1 + GREATEST(x, 0))} when {@code log} is on), customers with any NULL feature left out; their mean and
 * standard deviation; the standardised rows; and a seeded sample of them, ordered by the holdout hash of
 * {@code 'clusters:<seed>'} and the key, so the same seed draws the same customers in every dialect.
 */
public final class ClusterData {
    private final Warehouse w;
    private final Dialect d;
    private final ProjectConfig project;
    private final ClustersConfig config;

    public ClusterData(Warehouse warehouse, ProjectConfig project, ClustersConfig config) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.project = project;
        this.config = config;
    }

    /** One sentence per configured feature that is not a column of the profile, naming what is allowed. */
    public List<String> unknownFeatures(LocalDate asOf) {
        List<String> out = new ArrayList<>();
        String profile = ProfileView.sql(project, d, asOf);
        for (String f : config.features()) {
            if (f.equals(ProfileView.CLUSTER)) {
                out.add("scoring.clusters.features: '" + f + "' is the clustering's own output; pick other columns");
                continue;
            }
            Optional<String> error = w.checkQuery("SELECT " + d.castDouble("p." + d.quote(f)) + " AS x FROM (" + profile
                    + ") p");
            error.ifPresent(e -> out.add("scoring.clusters.features: '" + f + "' is not a numeric column of the member "
                    + "profile (customers columns, " + String.join(", ", ProfileView.RFM_COLUMNS.subList(0, 4))
                    + ", r/f/m_score, model scores): " + e));
        }
        return out;
    }

    /** Rows {@code customer_key, x1..xn} of customers with every feature. */
    String raw(LocalDate asOf) {
        StringBuilder select = new StringBuilder("SELECT p.").append(ProfileView.KEY).append(" AS customer_key");
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < config.features().size(); i++) {
            String col = "p." + d.quote(config.features().get(i));
            String x = d.castDouble(col);
            select.append(", ").append(config.log() ? "LN(1 + GREATEST(" + x + ", 0))" : x).append(" AS x").append(i + 1);
            where.append(i == 0 ? " WHERE " : " AND ").append(col).append(" IS NOT NULL");
        }
        return select + " FROM (" + ProfileView.sql(project, d, asOf) + ") p" + where;
    }

    /** The mean and standard deviation of each feature over {@link #raw}. */
    public Standardisation standardisation(LocalDate asOf) {
        int n = config.features().size();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) AS n");
        for (int i = 1; i <= n; i++) {
            sql.append(", AVG(x").append(i).append(") AS m").append(i)
                    .append(", STDDEV_SAMP(x").append(i).append(") AS s").append(i);
        }
        sql.append(" FROM (").append(raw(asOf)).append(") r");
        double[] means = new double[n];
        double[] sds = new double[n];
        long[] count = new long[1];
        w.queryOne(sql.toString(), List.of(), r -> {
            count[0] = r.longValue("n");
            for (int i = 0; i < n; i++) {
                Double m = r.doubleValue("m" + (i + 1));
                Double s = r.doubleValue("s" + (i + 1));
                means[i] = m == null ? Double.NaN : m;
                sds[i] = s == null ? Double.NaN : s;
            }
            return true;
        });
        return new Standardisation(config.features(), means, sds, count[0]);
    }

    /** Rows {@code customer_key, z1..zn}: {@link #raw} standardised by {@code s}. */
    public String standardised(LocalDate asOf, Standardisation s) {
        StringBuilder select = new StringBuilder("SELECT customer_key");
        double[] means = s.means();
        double[] sds = s.sds();
        for (int i = 0; i < means.length; i++) {
            select.append(", (x").append(i + 1).append(" - ").append(number(d, means[i])).append(") / ")
                    .append(number(d, sds[i])).append(" AS z").append(i + 1);
        }
        return select + " FROM (" + raw(asOf) + ") r";
    }

    /** Up to {@code config.sample()} standardised rows, the same ones for the same seed. */
    public double[][] sample(LocalDate asOf, Standardisation s) {
        int n = s.features().size();
        String order = d.holdoutBucket(d.literal("clusters:" + config.seed()), "z.customer_key");
        List<double[]> rows = w.queryList("SELECT * FROM (" + standardised(asOf, s) + ") z ORDER BY " + order
                + ", z.customer_key" + d.limit(config.sample()), List.of(), r -> {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = r.doubleValue("z" + (i + 1));
            }
            return p;
        });
        return rows.toArray(double[][]::new);
    }

    /** A finite double as a SQL literal of this dialect. */
    static String number(Dialect d, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        return d.castDouble(Double.toString(v));
    }
}
