package io.seglift.cli;

import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.sync.lock.SyncLock;
import io.seglift.warehouse.duckdb.DuckDbWarehouseFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Another process using a DuckDB file, as a second {@code seglift} would: {@code hold DB [PROJECT_DIR SYNC]} opens the
 * file (and takes the sync's lock), prints "holding" and keeps both until its stdin closes; {@code probe DB} opens the
 * file and exits 0, or exits 3 when another process holds it.
 */
final class WarehouseHolder implements AutoCloseable {
    private final Process process;

    private WarehouseHolder(Process process) {
        this.process = process;
    }

    public static void main(String[] args) throws IOException {
        String url = "jdbc:duckdb:" + args[1];
        Settings none = new Settings("w", "duckdb", Map.of());
        if (args[0].equals("probe")) {
            try (Warehouse w = DuckDbWarehouseFactory.open(url, "seglift", none)) {
                System.exit(0);
            } catch (RuntimeException e) {
                System.exit(WarehouseWait.heldByAnotherProcess(e) ? 3 : 1);
            }
        }
        try (Warehouse w = DuckDbWarehouseFactory.open(url, "seglift", none);
             SyncLock lock = args.length > 3 ? SyncLock.tryAcquire(Path.of(args[2]), args[3], new StringBuilder()).orElseThrow() : null) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the parent closes our stdin
            }
        }
    }

    /** Starts a holder and returns once it holds the file (at most 60 s). */
    static WarehouseHolder hold(Path db, String... projectDirAndSync) throws Exception {
        List<String> cmd = command("hold", db);
        cmd.addAll(List.of(projectDirAndSync));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        if (!"holding".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("the holder did not start: " + line);
        }
        return new WarehouseHolder(p);
    }

    /** Whether another process can open the file now (at most 60 s). */
    static boolean canOpen(Path db) throws Exception {
        Process p = new ProcessBuilder(command("probe", db)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the probe did not finish");
        }
        return Optional.of(p.exitValue()).filter(c -> c == 0 || c == 3).orElseThrow(
                () -> new IllegalStateException("the probe failed with exit " + p.exitValue())) == 0;
    }

    private static List<String> command(String mode, Path db) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WarehouseHolder.class.getName(), mode, db.toString()));
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
