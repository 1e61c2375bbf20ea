package io.seglift.scoring.propensity.sql;

import io.seglift.spi.warehouse.Dialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link TreeEnsemble} into SQL: the trees as nested {@code CASE}s, those testing the same split merged
 * ({@link #sumOf}; one expression per tree: {@link #trees}), summed with the intercept and passed through the
 * logistic link ({@link Dialect#logistic}).
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

    /** The margin (log-odds) expression: the intercept plus every tree, merged ({@link #sumOf}). */
    public String margin(TreeEnsemble model, List<String> featureRefs) {
        requireFeatures(model, featureRefs);
        return marginOf(model, List.of(sumOf(model.trees(), featureRefs)));
    }

    /**
     * The sum of the leaves a row reaches in {@code trees}, as one expression in which trees whose nodes test the same
     * split (feature, threshold, missing-value branch) share one {@code CASE}: a row is compared once per distinct
     * split it meets instead of once per tree, and a node whose outcome the enclosing {@code CASE}s already decide
     * (for present and missing values alike) is skipped. Leaves reached together are added as one constant.
     */
    public String sumOf(List<Tree> trees, List<String> featureRefs) {
        List<Step> start = new ArrayList<>(trees.size());
        for (Tree t : trees) {
            start.add(new Step(t, 0));
        }
        return merged(start, Map.of(), featureRefs);
    }

    /** The margin from already written terms (one per tree, or partial sums): the intercept plus their sum. */
    public String marginOf(TreeEnsemble model, List<String> terms) {
        return "(" + number(model.baseMargin()) + " + " + sum(terms) + ")";
    }

    /** One expression per tree: the leaf value a row reaches. */
    public List<String> trees(TreeEnsemble model, List<String> featureRefs) {
        requireFeatures(model, featureRefs);
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

    private static void requireFeatures(TreeEnsemble model, List<String> featureRefs) {
        if (featureRefs.size() < model.features()) {
            throw new IllegalArgumentException("the model reads " + model.features() + " features, "
                    + featureRefs.size() + " given");
        }
    }

    private void node(Tree t, int n, List<String> refs, StringBuilder sql) {
        if (t.isLeaf(n)) {
            sql.append(leaf(t.condition()[n]));
            return;
        }
        Test test = Test.of(t, n, refs);
        sql.append("CASE WHEN ").append(test.condition()).append(" THEN ");
        node(t, test.thenNode(), refs, sql);
        sql.append(" ELSE ");
        node(t, test.elseNode(), refs, sql);
        sql.append(" END");
    }

    /** Where each tree is: at a leaf or at a node not yet decided. */
    private record Step(Tree tree, int node) {
        Split split() {
            return new Split(tree.feature()[node], Float.floatToRawIntBits(tree.condition()[node]),
                    tree.defaultLeft()[node]);
        }
    }

    /** What a node tests; nodes with equal splits send every row the same way. */
    private record Split(int feature, int thresholdBits, boolean defaultLeft) {
        float threshold() {
            return Float.intBitsToFloat(thresholdBits);
        }
    }

    /**
     * What the enclosing branches prove about one feature: {@code lo <= (float) x < hi} for present values, and
     * whether the value is known to be present.
     */
    private record Bound(float lo, float hi, boolean present) {
        static final Bound NONE = new Bound(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, false);

        /** The branch a node takes under this bound, or 0 when undecided: -1 left, 1 right. */
        int decide(float t, boolean defaultLeft) {
            int value;
            if (alwaysRight(t)) {
                value = 1;
            } else if (hi != Float.POSITIVE_INFINITY && hi <= t) {
                value = -1;
            } else if (lo >= t) {
                value = 1;
            } else {
                return 0;
            }
            int missing = defaultLeft ? -1 : 1;
            return present || missing == value ? value : 0;
        }
    }

    private String merged(List<Step> steps, Map<Integer, Bound> bounds, List<String> refs) {
        double leaves = 0;
        int leafCount = 0;
        float onlyLeaf = 0f;
        Map<Split, List<Step>> bySplit = new LinkedHashMap<>();
        for (Step s : steps) {
            Step at = descend(s, bounds);
            if (at.tree().isLeaf(at.node())) {
                onlyLeaf = at.tree().condition()[at.node()];
                leaves += onlyLeaf;
                leafCount++;
            } else {
                bySplit.computeIfAbsent(at.split(), k -> new ArrayList<>()).add(at);
            }
        }
        List<String> terms = new ArrayList<>();
        if (leafCount == 1) {
            terms.add(leaf(onlyLeaf));
        } else if (leafCount > 1) {
            terms.add(number(leaves));
        }
        for (Map.Entry<Split, List<Step>> e : bySplit.entrySet()) {
            Step first = e.getValue().get(0);
            Test test = Test.of(first.tree(), first.node(), refs);
            List<Step> thens = new ArrayList<>();
            List<Step> elses = new ArrayList<>();
            for (Step s : e.getValue()) {
                Test each = Test.of(s.tree(), s.node(), refs);
                thens.add(new Step(s.tree(), each.thenNode()));
                elses.add(new Step(s.tree(), each.elseNode()));
            }
            Split split = e.getKey();
            terms.add("CASE WHEN " + test.condition() + " THEN " + merged(thens, narrowed(bounds, split, test, true), refs)
                    + " ELSE " + merged(elses, narrowed(bounds, split, test, false), refs) + " END");
        }
        return sum(terms);
    }

    /** Follows the nodes of {@code s}'s tree that {@code bounds} decide. */
    private static Step descend(Step s, Map<Integer, Bound> bounds) {
        Tree t = s.tree();
        int n = s.node();
        while (!t.isLeaf(n)) {
            int way = bounds.getOrDefault(t.feature()[n], Bound.NONE).decide(t.condition()[n], t.defaultLeft()[n]);
            if (way == 0) {
                break;
            }
            n = way < 0 ? t.left()[n] : t.right()[n];
        }
        return new Step(t, n);
    }

    /** The bounds inside the {@code THEN} ({@code then}) or {@code ELSE} branch of {@code test}. */
    private static Map<Integer, Bound> narrowed(Map<Integer, Bound> bounds, Split split, Test test, boolean then) {
        Bound b = bounds.getOrDefault(split.feature(), Bound.NONE);
        float t = split.threshold();
        boolean goesLeft = then == test.thenIsLeft();
        Bound next;
        if (alwaysRight(t)) {
            // "x IS NOT NULL" proves presence in its THEN; "1 = 0" has no reachable THEN
            next = then ? new Bound(b.lo(), b.hi(), true) : b;
        } else {
            // a threshold of +Infinity narrows nothing: hi = +Infinity stands for no bound
            // THEN is never reached by a missing value; ELSE is, when it is the default branch
            boolean present = b.present() || then;
            next = goesLeft ? new Bound(b.lo(), Math.min(b.hi(), t), present)
                    : new Bound(Math.max(b.lo(), t), b.hi(), present);
        }
        Map<Integer, Bound> out = new HashMap<>(bounds);
        out.put(split.feature(), next);
        return out;
    }

    /** A node's SQL condition and the branches its {@code THEN} and {@code ELSE} lead to. */
    private record Test(String condition, int thenNode, int elseNode, boolean thenIsLeft) {
        static Test of(Tree t, int n, List<String> refs) {
            String x = refs.get(t.feature()[n]);
            float threshold = t.condition()[n];
            if (!t.defaultLeft()[n]) {
                return new Test(lessThan(x, threshold), t.left()[n], t.right()[n], true);
            }
            if (alwaysRight(threshold)) {
                // every present value goes right, missing ones left
                return new Test(x + " IS NOT NULL", t.right()[n], t.left()[n], false);
            }
            return new Test(notLessThan(x, threshold), t.right()[n], t.left()[n], false);
        }
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
