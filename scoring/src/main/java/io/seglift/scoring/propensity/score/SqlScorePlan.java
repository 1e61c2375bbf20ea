package io.seglift.scoring.propensity.score;

import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.scoring.propensity.sql.TreeSqlCompiler;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.TableName;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The SQL that scores a compiled model, shaped for speed and for the engine's statement limit
 * ({@link Dialect#maxStatementBytes()}). The margin is one expression over the features: the flipped-comparison
 * trees ({@link TreeSqlCompiler}) added as a balanced tree, so nesting grows with the logarithm of the tree count. At
 * 1,000,000 rows DuckDB evaluated this faster than one column per tree summed outside (see docs/benchmarks.md,
 * "SQL scoring shape at 1,000,000 rows"). When the one
 * {@link #scores() scoring select} would exceed the limit, the trees are packed into groups that each fit; each group
 * writes {@code (customer_key, part)} rows to a work table ({@link #parts()}), and {@link #scores()} sums the parts
 * per customer.
 *
 * @param parts  statements filling the work table, in order (empty when one statement fits); the first group's
 *               statements come from {@link Dialect#replaceTableAs} and run in one transaction
 * @param groups how many statements the trees were split into (1 when not split)
 * @param scores {@code SELECT customer_key, score}
 */
public record SqlScorePlan(List<List<String>> parts, int groups, String scores) {
    /** Room left under the limit for the {@code INSERT} around {@link #scores()} and the work-table statements. */
    static final int RESERVE_BYTES = 4096;

    /** What adding one term to a balanced sum costs at most: {@code " + "} and a pair of parentheses. */
    private static final int SUM_OVERHEAD = 5;

    public SqlScorePlan {
        parts = parts.stream().map(List::copyOf).toList();
    }

    /** Whether the trees were split over several statements through the work table. */
    public boolean split() {
        return !parts.isEmpty();
    }

    /** Every statement of the plan (the work-table statements, then the scoring select). */
    public List<String> statements() {
        List<String> all = new ArrayList<>();
        parts.forEach(all::addAll);
        all.add(scores);
        return all;
    }

    /** Plans scoring {@code model} on {@code features}, with {@code work} as the work table if a split is needed. */
    public static SqlScorePlan of(Dialect d, TreeEnsemble model, FeatureSet features, TableName work) {
        TreeSqlCompiler compiler = new TreeSqlCompiler(d);
        List<String> names = features.names();
        List<String> refs = IntStream.range(0, names.size()).mapToObj(i -> "f.x" + i).toList();
        String renamed = IntStream.range(0, names.size())
                .mapToObj(i -> ", " + d.quote(names.get(i)) + " AS x" + i).collect(Collectors.joining());
        String source = "(SELECT customer_key" + renamed + " FROM (" + features.select(d) + ") n) f";
        List<String> trees = compiler.trees(model, refs);
        int limit = d.maxStatementBytes();
        String single = "SELECT customer_key, " + d.logistic(compiler.marginOf(model, trees)) + " AS score FROM "
                + source;
        if ((long) bytes(single) + RESERVE_BYTES <= limit) {
            return new SqlScorePlan(List.of(), 1, single);
        }
        List<List<String>> parts = new ArrayList<>();
        String head = "SELECT customer_key, ";
        String tail = " AS part FROM " + source;
        for (List<Integer> group : groups(trees, limit - RESERVE_BYTES - bytes(head + tail))) {
            String part = head + TreeSqlCompiler.sum(group.stream().map(trees::get).toList()) + tail;
            if (bytes(part) + RESERVE_BYTES > limit) {
                throw new IllegalStateException("a group of " + group.size() + " trees is " + bytes(part)
                        + " bytes, over the " + d.name() + " limit of " + limit);
            }
            parts.add(parts.isEmpty() ? d.replaceTableAs(work, part)
                    : List.of("INSERT INTO " + d.table(work) + " (customer_key, part) " + part));
        }
        String scores = "SELECT customer_key, " + d.logistic(compiler.marginOf(model, List.of("SUM(part)")))
                + " AS score FROM " + d.table(work) + " GROUP BY customer_key";
        return new SqlScorePlan(parts, parts.size(), scores);
    }

    /** Trees packed in order into groups whose columns total at most {@code room} bytes. */
    private static List<List<Integer>> groups(List<String> trees, long room) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long used = 0;
        for (int i = 0; i < trees.size(); i++) {
            long cost = bytes(trees.get(i)) + SUM_OVERHEAD;
            if (cost > room) {
                throw new IllegalArgumentException("tree " + i + " of the model compiles to " + cost
                        + " bytes, more than one statement can hold here (" + room + " bytes)");
            }
            if (used + cost > room) {
                out.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            current.add(i);
            used += cost;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static int bytes(String sql) {
        return sql.getBytes(StandardCharsets.UTF_8).length;
    }
}
