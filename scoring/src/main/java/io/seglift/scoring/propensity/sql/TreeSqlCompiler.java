package io.seglift.scoring.propensity.sql;

import io.seglift.spi.warehouse.Dialect;

import java.util.List;

/**
 * Compiles a {@link TreeEnsemble} into one SQL expression: the logistic link ({@link Dialect#logistic}) of the
 * intercept plus one nested {@code CASE} per tree. A missing feature ({@code IS NULL}) follows the node's default
 * branch, folded into the condition so no subtree is written twice. XGBoost compares {@code (float) x < t} with {@code t} a float; the compiler turns that into the exactly
 * equivalent comparison of the double {@code x} with the midpoint between {@code t} and the float below it
 * ({@code <} or {@code <=} by round-half-to-even), so no engine-specific float cast is needed.
 */
public final class TreeSqlCompiler {
    private final Dialect d;

    public TreeSqlCompiler(Dialect dialect) {
        this.d = dialect;
    }

    /** The probability expression, reading feature {@code i} from {@code featureRefs.get(i)} (SQL expressions). */
    public String probability(TreeEnsemble model, List<String> featureRefs) {
        return d.logistic(margin(model, featureRefs));
    }

    /** The margin (log-odds) expression. */
    public String margin(TreeEnsemble model, List<String> featureRefs) {
        if (featureRefs.size() < model.features()) {
            throw new IllegalArgumentException("the model reads " + model.features() + " features, "
                    + featureRefs.size() + " given");
        }
        StringBuilder sql = new StringBuilder("(").append(number(model.baseMargin()));
        for (Tree t : model.trees()) {
            sql.append(" + ");
            node(t, 0, featureRefs, sql);
        }
        return sql.append(")").toString();
    }

    private void node(Tree t, int n, List<String> refs, StringBuilder sql) {
        if (t.isLeaf(n)) {
            sql.append(leaf(t.condition()[n]));
            return;
        }
        String x = refs.get(t.feature()[n]);
        // NULL < t is not true, so rows with a missing value take ELSE (right) unless the default is left
        sql.append("CASE WHEN ");
        if (t.defaultLeft()[n]) {
            sql.append(x).append(" IS NULL OR ");
        }
        sql.append(lessThan(x, t.condition()[n])).append(" THEN ");
        node(t, t.left()[n], refs, sql);
        sql.append(" ELSE ");
        node(t, t.right()[n], refs, sql);
        sql.append(" END");
    }

    /** SQL true exactly when {@code (float) x < t} for a double {@code x}. */
    static String lessThan(String x, float t) {
        if (Float.isNaN(t) || t == Float.NEGATIVE_INFINITY) {
            return "1 = 0";
        }
        if (t == Float.POSITIVE_INFINITY) {
            // (float) x is +Infinity from MAX_VALUE + half an ulp (2^103) up
            return x + " < " + number((double) Float.MAX_VALUE + Math.scalb(1.0, 103));
        }
        double below = Math.nextDown(t);
        double mid = (below + (double) t) / 2;
        boolean tieGoesToT = (Float.floatToRawIntBits(t) & 1) == 0;
        return x + (tieGoesToT ? " < " : " <= ") + number(mid);
    }

    /** A leaf value: the shortest decimal of the float (within one float ulp, far below the 1e-5 agreement). */
    static String leaf(float v) {
        String s = Float.toString(v);
        return s.contains("E") ? s : s + "E0";
    }

    /** A double literal every engine reads as that exact double (scientific notation). */
    static String number(double v) {
        String s = Double.toString(v);
        return "(" + (s.contains("E") ? s : s + "E0") + ")";
    }
}
