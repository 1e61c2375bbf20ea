package io.seglift.warehouse.bigquery;

import io.seglift.scoring.features.Feature;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.score.SqlScorePlan;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.spi.warehouse.TableName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled model larger than BigQuery's 1,024k-character query limit
 * (https://cloud.google.com/bigquery/quotas#query_jobs) is scored in several statements, each under the limit and
 * each parsed by ZetaSQL. The trees are summed as a balanced tree, so even the whole statement stays shallow enough
 * for ZetaSQL's parse tree.
 */
class BigQueryModelSplitTest {
    private final BigQueryDialect d = new BigQueryDialect();

    @Test
    void aModelOverTheQueryLimitIsSplitAndEveryStatementFitsAndParses() {
        TreeEnsemble huge = BigQueryGoldenSqlTest.model(500, 6, 12, 7);
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            features.add(new Feature("feature_" + i, "test", "t." + d.quote("feature_" + i)));
        }
        FeatureSet set = new FeatureSet(features, "", d.castText("t." + d.quote("id")),
                "FROM " + d.table(TableName.of("shop", "customers")) + " t", null, List.of());
        SqlScorePlan plan = SqlScorePlan.of(d, huge, set, TableName.of("seglift", "model_score_parts"));
        assertThat(plan.split()).isTrue();
        assertThat(plan.groups()).isGreaterThan(1);
        Map<Integer, String> failures = new LinkedHashMap<>();
        List<String> all = plan.statements();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).length()).isLessThanOrEqualTo(BigQueryDialect.MAX_QUERY_CHARACTERS);
            int n = i;
            ZetaSqlGate.statementError(all.get(i)).ifPresent(e -> failures.put(n, e));
        }
        assertThat(failures).as("statements ZetaSQL rejects").isEmpty();
        System.out.printf("500-tree model: %d parts plus the sum, each under %,d characters, all parsed%n",
                plan.groups(), BigQueryDialect.MAX_QUERY_CHARACTERS);
    }
}
