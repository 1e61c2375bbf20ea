package io.seglift.scoring.propensity.sql;

import io.seglift.spi.warehouse.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link TreeEnsemble} into SQL: one nested {@code CASE} per tree ({@link #trees}), summed with the
 * intercept and passed through the logistic link ({@link Dialect#logistic}).
 *
 * <p>A missing feature ({@code NULL}) follows the node's default branch without an {@code IS NULL} test: a comparison
 * with {@code NULL} is never true, so the compiler writes the condition whose {@code ELSE} is the default branch
 * ({@code x < m} with {@code ELSE} right when missing values go right, the flipped {@code x >= m} with the branches
 * swapped when they go left). XGBoost compares {@code (float) x < t} with {@code t} a float; the compiler turns that
 * into the exactly equivalent comparison of the double {@code x} with the midpoint between {@code t} and the float
 * below it ({@code <} or {@code <=} by round-half-to-even), so no engine-specific float cast is needed.
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

    /** The margin (log-odds) expression: the intercept plus every tree, inline. */
    public String margin(TreeEnsemble model, List<String> featureRefs) {
        return marginOf(model, trees(model, featureRefs));
    }

    /** The margin from already written terms (one per tree, or partial sums): the intercept plus their sum. */
    public String marginOf(TreeEnsemble model, List<String> terms) {
        return "(" + number(model.baseMargin()) + " + " + sum(terms) + ")";
    }

    /** One expression per tree: the leaf value a row reaches. */
    public List<String> trees(TreeEnsemble model, List<String> featureRefs) {
        if (featureRefs.size() < model.features()) {
            throw new IllegalArgumentException("the model reads " + model.features() + " features, "
                    + featureRefs.size() + " given");
        }
        List<String> out = new ArrayList<>(model.trees().size());
        for (Tree t : model.trees()) {
            StringBuilder sql = new StringBuilder();
            node(t, 0, featureRefs, sql);
            out.add(sql.toString());
        }
        return out;
    }

    /**
     * The sum of terms as a balanced tree of additions: nesting grows with the logarithm of the count, not linearly,
     * which keeps parsers' recursion (and ZetaSQL's protocol-buffer parse tree) shallow.
     */
    public static String sum(List<String> terms) {
        if (terms.isEmpty()) {
            return "0E0";
        }
        return sum(terms, 0, terms.size());
    }

    private static String sum(List<String> terms, int from, int to) {
        if (to - from == 1) {
            return terms.get(from);
        }
        int mid = (from + to) >>> 1;
        return "(" + sum(terms, from, mid) + " + " + sum(terms, mid, to) + ")";
    }

    private void node(Tree t, int n, List<String> refs, StringBuilder sql) {
        if (t.isLeaf(n)) {
            sql.append(leaf(t.condition()[n]));
            return;
        }
        String x = refs.get(t.feature()[n]);
        float threshold = t.condition()[n];
        int thenNode = t.left()[n];
        int elseNode = t.right()[n];
        sql.append("CASE WHEN ");
        if (!t.defaultLeft()[n]) {
            sql.append(lessThan(x, threshold));
        } else if (alwaysRight(threshold)) {
            // every present value goes right, missing ones left
            sql.append(x).append(" IS NOT NULL");
            thenNode = t.right()[n];
            elseNode = t.left()[n];
        } else {
            sql.append(notLessThan(x, threshold));
            thenNode = t.right()[n];
            elseNode = t.left()[n];
        }
        sql.append(" THEN ");
        node(t, thenNode, refs, sql);
        sql.append(" ELSE ");
        node(t, elseNode, refs, sql);
        sql.append(" END");
    }

    private static boolean alwaysRight(float t) {
        return Float.isNaN(t) || t == Float.NEGATIVE_INFINITY;
    }

    /** SQL true exactly when {@code (float) x < t} for a double {@code x}. */
    static String lessThan(String x, float t) {
        if (alwaysRight(t)) {
            return "1 = 0";
        }
        return x + (strictBelow(t) ? " < " : " <= ") + number(bound(t));
    }

    /** SQL true exactly when {@code x} is present and not {@code (float) x < t}; requires {@code !alwaysRight(t)}. */
    static String notLessThan(String x, float t) {
        return x + (strictBelow(t) ? " >= " : " > ") + number(bound(t));
    }

    /** The double at which {@code (float) x < t} flips. */
    private static double bound(float t) {
        if (t == Float.POSITIVE_INFINITY) {
            // (float) x is +Infinity from MAX_VALUE + half an ulp (2^103) up
            return (double) Float.MAX_VALUE + Math.scalb(1.0, 103);
        }
        return (Math.nextDown(t) + (double) t) / 2;
    }

    /** Whether {@code (float) x < t} is {@code x < bound} (else {@code x <= bound}): ties round to the even float. */
    private static boolean strictBelow(float t) {
        return t == Float.POSITIVE_INFINITY || (Float.floatToRawIntBits(t) & 1) == 0;
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
