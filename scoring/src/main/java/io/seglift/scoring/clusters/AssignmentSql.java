package io.seglift.scoring.clusters;

import io.seglift.spi.warehouse.Dialect;

import java.time.LocalDate;

/**
 * Nearest-centroid assignment as SQL, so every customer is assigned where the data lives: the squared distance to
 * each centroid in standardised units, their {@code LEAST}, and a {@code CASE} naming the first centroid at that
 * distance (the lowest index on ties, as {@link Centroids#nearest}). Clusters are numbered from 1.
 */
public final class AssignmentSql {
    private AssignmentSql() {
    }

    /** Rows {@code as_of, customer_key, cluster} over {@code standardised} (rows {@code customer_key, z1..zn}). */
    public static String select(Dialect d, LocalDate asOf, String standardised, Centroids centroids) {
        int k = centroids.k();
        StringBuilder distances = new StringBuilder("SELECT customer_key");
        for (int c = 0; c < k; c++) {
            double[] centre = centroids.centre(c);
            distances.append(", ");
            for (int i = 0; i < centre.length; i++) {
                String diff = "(z" + (i + 1) + " - " + ClusterData.number(d, centre[i]) + ")";
                distances.append(i == 0 ? "" : " + ").append(diff).append(" * ").append(diff);
            }
            distances.append(" AS d").append(c + 1);
        }
        distances.append(" FROM (").append(standardised).append(") s");
        StringBuilder least = new StringBuilder(k == 1 ? "d1" : "LEAST(");
        StringBuilder cases = new StringBuilder("CASE");
        for (int c = 1; c <= k; c++) {
            if (k > 1) {
                least.append(c == 1 ? "" : ", ").append("d").append(c);
            }
            if (c < k) {
                cases.append(" WHEN d").append(c).append(" = nearest THEN ").append(c);
            }
        }
        if (k > 1) {
            least.append(")");
        }
        cases.append(" ELSE ").append(k).append(" END");
        return "SELECT " + d.dateLiteral(asOf) + " AS as_of, customer_key, " + cases + " AS cluster FROM (SELECT t.*, "
                + least + " AS nearest FROM (" + distances + ") t) u";
    }
}
