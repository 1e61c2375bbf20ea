package io.seglift.scoring.propensity.bench;

import io.seglift.scoring.propensity.sql.Tree;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.spi.warehouse.Dialect;

import java.util.List;

/**
 * The SQL shape scoring used before the per-tree columns, kept only to measure against: one expression,
 * {@code x IS NULL OR x < m} for nodes whose missing values go left, trees added in one left-deep chain.
 */
final class LegacyTreeSql {
    private LegacyTreeSql() {
    }

    static String probability(Dialect d, TreeEnsemble model, List<String> refs) {
        StringBuilder sql = new StringBuilder("(").append(number(model.baseMargin()));
        for (Tree t : model.trees()) {
            sql.append(" + ");
            node(t, 0, refs, sql);
        }
        return d.logistic(sql.append(")").toString());
    }

    private static void node(Tree t, int n, List<String> refs, StringBuilder sql) {
        if (t.isLeaf(n)) {
            String s = Float.toString(t.condition()[n]);
            sql.append(s.contains("E") ? s : s + "E0");
            return;
        }
        String x = refs.get(t.feature()[n]);
        float c = t.condition()[n];
        sql.append("CASE WHEN ");
        if (t.defaultLeft()[n]) {
            sql.append(x).append(" IS NULL OR ");
        }
        double mid = (Math.nextDown(c) + (double) c) / 2;
        sql.append(x).append((Float.floatToRawIntBits(c) & 1) == 0 ? " < " : " <= ").append(number(mid)).append(" THEN ");
        node(t, t.left()[n], refs, sql);
        sql.append(" ELSE ");
        node(t, t.right()[n], refs, sql);
        sql.append(" END");
    }

    private static String number(double v) {
        String s = Double.toString(v);
        return "(" + (s.contains("E") ? s : s + "E0") + ")";
    }
}
