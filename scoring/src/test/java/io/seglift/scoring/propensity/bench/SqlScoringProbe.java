package io.seglift.scoring.propensity.bench;

import io.seglift.scoring.propensity.registry.StoredModel;
import io.seglift.scoring.propensity.registry.ModelRegistry;
import io.seglift.scoring.propensity.sql.TreeEnsemble;
import io.seglift.scoring.propensity.sql.TreeSqlCompiler;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import io.seglift.spi.settings.Settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Times pieces of the SQL scoring path on a project's DuckDB file: args DB_FILE PROJECT_DIR MODEL_ID. */
public final class SqlScoringProbe {
    public static void main(String[] args) {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.open("jdbc:duckdb:" + args[0], "seglift",
                new Settings("probe", "duckdb", Map.of()))) {
            StoredModel m = new ModelRegistry(Path.of(args[1]), w).find(args[2]).orElseThrow();
            TreeEnsemble e = TreeEnsemble.parse(m.modelJson());
            List<String> names = m.metadata().featureNames();
            w.execute("CREATE OR REPLACE TEMP TABLE probe_f AS SELECT * FROM range(100000) r(i)");
            String cols = String.join(", ", names.stream().map(n -> "random() * 100 AS \"" + n + "\"").toList());
            w.execute("CREATE OR REPLACE TEMP TABLE probe_x AS SELECT i, " + cols + " FROM probe_f");
            String expr = new TreeSqlCompiler(w.dialect()).probability(e, names.stream().map(n -> "\"" + n + "\"").toList());
            System.out.println("expression chars: " + expr.length() + ", trees " + e.trees().size());
            long t0 = System.nanoTime();
            w.queryList("EXPLAIN SELECT sum(" + expr + ") FROM probe_x", List.of(), r -> r.get(0));
            long t1 = System.nanoTime();
            System.out.println("plan only: " + (t1 - t0) / 1e9 + " s");
            w.queryOne("SELECT sum(" + expr + ") FROM probe_x", List.of(), r -> r.get(0));
            long t2 = System.nanoTime();
            System.out.println("plan+run on 100k rows: " + (t2 - t1) / 1e9 + " s");
        }
    }
}
