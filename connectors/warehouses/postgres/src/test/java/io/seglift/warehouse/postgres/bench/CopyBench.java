package io.seglift.warehouse.postgres.bench;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.TableName;
import io.seglift.warehouse.postgres.PostgresWarehouse;
import io.seglift.warehouse.postgres.PostgresWarehouseFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

/**
 * Throughput of the COPY bulk writer, of streaming reads and of {@code loadFile} (CSV) against an embedded PostgreSQL
 * 16. Usage: {@code java -cp <test classpath> io.seglift.warehouse.postgres.bench.CopyBench [rows]} (default 1,000,000).
 * Each figure is the best of three runs after one warm-up run.
 */
public final class CopyBench {
    private CopyBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path csv = Files.createTempFile("copybench", ".csv");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            try (PostgresWarehouse w = PostgresWarehouseFactory.open(pg.getJdbcUrl("postgres", "postgres"), props, "seglift")) {
                writeCsv(csv, rows);
                double copy = Double.MAX_VALUE;
                double read = Double.MAX_VALUE;
                double load = Double.MAX_VALUE;
                for (int run = 0; run < 4; run++) {
                    double c = timeCopy(w, rows);
                    double r = timeRead(w, rows);
                    double l = timeLoad(w, csv, rows);
                    if (run > 0) {
                        copy = Math.min(copy, c);
                        read = Math.min(read, r);
                        load = Math.min(load, l);
                    }
                }
                System.out.printf("rows=%,d%n", rows);
                System.out.printf("bulkWriter (COPY):   %.2f s  %,.0f rows/s%n", copy, rows / copy);
                System.out.printf("query (streaming):   %.2f s  %,.0f rows/s%n", read, rows / read);
                System.out.printf("loadFile (CSV %,d MB): %.2f s  %,.0f rows/s%n", Files.size(csv) >> 20, load, rows / load);
                System.out.printf("max heap %,d MB, used after run %,d MB%n", Runtime.getRuntime().maxMemory() >> 20,
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static double timeCopy(PostgresWarehouse w, int rows) {
        w.execute("DROP TABLE IF EXISTS public.bench");
        w.execute("CREATE TABLE public.bench (id BIGINT, txt TEXT, x DOUBLE PRECISION, d DATE, ts TIMESTAMP)");
        LocalDate day = LocalDate.of(2024, 1, 1);
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        long start = System.nanoTime();
        try (BulkWriter bw = w.bulkWriter(TableName.of("public", "bench"), List.of("id", "txt", "x", "d", "ts"))) {
            for (int i = 0; i < rows; i++) {
                bw.row((long) i, i % 10 == 0 ? null : "customer, \"" + i + "\"", i * 0.5, day.plusDays(i % 365),
                        at.plusSeconds(i));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double timeRead(PostgresWarehouse w, int rows) {
        long[] n = {0};
        long start = System.nanoTime();
        w.query("SELECT id, txt, x, d, ts FROM public.bench", List.of(), r -> {
            if (r.get(1) != null) n[0]++;
        });
        double s = (System.nanoTime() - start) / 1e9;
        if (n[0] != rows - (rows + 9) / 10) throw new IllegalStateException("read " + n[0] + " non-null rows");
        return s;
    }

    private static double timeLoad(PostgresWarehouse w, Path csv, int rows) {
        long start = System.nanoTime();
        long loaded = w.loadFile(csv, TableName.of("public", "loaded"), Progress.NONE);
        double s = (System.nanoTime() - start) / 1e9;
        if (loaded != rows) throw new IllegalStateException("loaded " + loaded);
        return s;
    }

    private static void writeCsv(Path csv, int rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("order_id,customer_id,amount,ordered_at,note\n");
            for (int i = 0; i < rows; i++) {
                out.write(i + "," + (i % 50_000) + "," + (i % 997) * 1.5 + ",2024-01-01 10:00:00,\"note " + i + "\"\n");
            }
        }
    }
}
