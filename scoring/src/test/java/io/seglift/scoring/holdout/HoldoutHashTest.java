package io.seglift.scoring.holdout;

import io.seglift.warehouse.duckdb.DuckDbWarehouse;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoldoutHashTest {

    @Test
    void matchesAKnownMd5() {
        // md5("seg:42") = 4fe9230a7da2451fdaab4cf284d27450 (coreutils md5sum); 0x4fe9230a % 10000 = 8922
        assertThat(HoldoutHash.bucket("seg", "42")).isEqualTo(8922);
        assertThat(HoldoutHash.bucket("seg", "42")).isEqualTo(bucketFromHex(md5Hex("seg:42")));
    }

    @Test
    void duckDbAndJavaAgreeOnTenThousandKeys() {
        try (DuckDbWarehouse w = DuckDbWarehouseFactory.inMemory("seglift")) {
            HoldoutSql sql = new HoldoutSql(w.dialect());
            List<String> mismatches = new ArrayList<>();
            w.query("SELECT CAST(k AS VARCHAR) AS k, " + sql.bucket("lapsed ünï'code", "CAST(k AS VARCHAR)")
                    + " AS b FROM range(0, 10000) t(k)", List.of(), row -> {
                String key = row.string("k");
                long b = row.longValue("b");
                if (b != HoldoutHash.bucket("lapsed ünï'code", key)) mismatches.add(key);
            });
            assertThat(mismatches).isEmpty();
        }
    }

    @Test
    void holdoutShareIsWithinBinomialTolerance() {
        int n = 100_000;
        double p = 0.10;
        long held = 0;
        for (int i = 0; i < n; i++) {
            if (HoldoutHash.arm("winback", "cust-" + i, p) == Arm.HOLDOUT) held++;
        }
        double sigma = Math.sqrt(n * p * (1 - p));
        assertThat(Math.abs(held - n * p)).isLessThan(4 * sigma);
    }

    @Test
    void armIsStableAndDependsOnSalt() {
        assertThat(HoldoutHash.bucket("a", "k1")).isEqualTo(HoldoutHash.bucket("a", "k1"));
        long differing = java.util.stream.IntStream.range(0, 1000)
                .filter(i -> HoldoutHash.bucket("a", "k" + i) != HoldoutHash.bucket("b", "k" + i)).count();
        assertThat(differing).isGreaterThan(990);
    }

    @Test
    void thresholdRejectsFractionsOutsideZeroToOne() {
        assertThat(HoldoutHash.threshold(0.1)).isEqualTo(1000);
        assertThat(HoldoutHash.threshold(0)).isZero();
        assertThatThrownBy(() -> HoldoutHash.threshold(1.5)).hasMessageContaining("0..1");
    }

    private static long bucketFromHex(String hex) {
        return Long.parseLong(hex.substring(0, 8), 16) % 10000;
    }

    private static String md5Hex(String s) {
        try {
            byte[] b = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte x : b) sb.append(String.format("%02x", x));
            return sb.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
