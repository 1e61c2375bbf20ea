package io.seglift.scoring.propensity.sql;

import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TreeSqlCompilerTest {

    /** Evaluates the generated comparison in Java: "x < (m)" or "x <= (m)". */
    private static boolean eval(String cond, double x) {
        String[] parts = cond.split(" ");
        double m = Double.parseDouble(parts[2].replace("(", "").replace(")", ""));
        return parts[1].equals("<") ? x < m : x <= m;
    }

    @Test
    void comparisonMatchesFloat32RoundingOfTheFeature() {
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            float t = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(8) - 3));
            String cond = TreeSqlCompiler.lessThan("x", t);
            double below = Math.nextDown(t);
            double mid = (below + t) / 2;
            double[] probes = {t, below, mid, Math.nextUp(mid), Math.nextDown(mid), r.nextGaussian() * Math.abs(t)};
            for (double x : probes) {
                assertThat(eval(cond, x)).as("x=%s t=%s", x, t).isEqualTo((float) x < t);
            }
        }
    }

    @Test
    void theWarehouseReadsTheLiteralAsTheSameDouble() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            Random r = new Random(5);
            for (int i = 0; i < 200; i++) {
                float t = (float) (r.nextGaussian() * 1000);
                double mid = (Math.nextDown(t) + (double) t) / 2;
                String sql = "SELECT CASE WHEN " + TreeSqlCompiler.lessThan("CAST(? AS DOUBLE)", t)
                        + " THEN 1 ELSE 0 END AS v";
                for (double x : new double[]{mid, Math.nextUp(mid), Math.nextDown(mid)}) {
                    long v = w.queryOne(sql, List.of(x), row -> ((Number) row.get(0)).longValue()).orElseThrow();
                    assertThat(v == 1).as("x=%s t=%s", x, t).isEqualTo((float) x < t);
                }
            }
        }
    }
}
