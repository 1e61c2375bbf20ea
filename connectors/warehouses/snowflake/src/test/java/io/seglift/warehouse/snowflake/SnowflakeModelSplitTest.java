package io.seglift.warehouse.snowflake;

import io.seglift.scoring.features.Feature;
import io.seglift.scoring.features.FeatureSet;
import io.seglift.scoring.propensity.score.SqlScorePlan;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.spi.warehouse.TableName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled model larger than Snowflake's 1 MB statement limit
 * (https://docs.snowflake.com/en/user-guide/query-size-limits) is scored in several statements, each under the
 * limit ({@link SnowflakeDialect#requireFits}) and each accepted by the JSqlParser gate.
 */
class SnowflakeModelSplitTest {
    private static final SnowflakeDialect D = new SnowflakeDialect();

    @Test
    void aModelOverTheStatementLimitIsSplitAndEveryStatementFitsAndParses() {
        TreeEnsemble huge = SnowflakeGoldenSqlTest.model(400, 20, 6);
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            features.add(new Feature("feature_" + i, "test", "t." + D.quote("feature_" + i)));
        }
        FeatureSet set = new FeatureSet(features, "", D.castText("t." + D.quote("id")),
                "FROM " + D.table(TableName.of("shop", "customers")) + " t", null, List.of());
        SqlScorePlan plan = SqlScorePlan.of(D, huge, set, TableName.of("seglift", "model_score_parts"));
        assertThat(plan.split()).isTrue();
        assertThat(plan.groups()).isGreaterThan(1);
        long total = 0;
        for (String sql : plan.statements()) {
            assertThat(sql.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(D.maxStatementBytes());
            SnowflakeDialect.requireFits(sql);
            SnowflakeSqlGate.check("model-part", sql);
            total += sql.length();
        }
        System.out.printf("400-tree model: %,d bytes in %d parts plus the sum, each under %,d%n", total,
                plan.groups(), D.maxStatementBytes());
    }
}
