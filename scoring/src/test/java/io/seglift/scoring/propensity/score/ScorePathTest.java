package io.seglift.scoring.propensity.score;

import io.seglift.spi.warehouse.Warehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorePathTest {

    @Test
    void autoScoresInTheJvmOnAnEmbeddedDuckDb() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            assertThat(w.inProcess()).isTrue();
            assertThat(ScorePath.parse("auto").on(w)).isEqualTo(ScorePath.JVM);
            assertThat(ScorePath.parse("sql").on(w)).as("an explicit path is kept").isEqualTo(ScorePath.SQL);
        }
    }

    @Test
    void autoScoresInSqlOnARemoteWarehouse() {
        Warehouse remote = (Warehouse) Proxy.newProxyInstance(Warehouse.class.getClassLoader(),
                new Class<?>[]{Warehouse.class}, (p, m, args) -> {
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(p, m, args);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        assertThat(remote.inProcess()).as("the SPI's default").isFalse();
        assertThat(ScorePath.AUTO.on(remote)).isEqualTo(ScorePath.SQL);
        assertThat(ScorePath.JVM.on(remote)).isEqualTo(ScorePath.JVM);
    }

    @Test
    void unknownPathsNameTheAllowedOnes() {
        assertThatThrownBy(() -> ScorePath.parse("gpu")).hasMessage("scoring path 'gpu' (allowed: auto, sql, jvm)");
        assertThat(ScorePath.parse("jvm").code()).isEqualTo("jvm");
    }
}
