package io.seglift.cli;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.RowHandler;
import io.seglift.spi.warehouse.RowMapper;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A warehouse opened on its first call, handed to the sync engine so that the engine's sync lock is taken before the
 * warehouse is opened: a second run of the same sync then stops on the lock ({@link ExitCode#LOCKED}, at once)
 * instead of on an embedded warehouse's file lock. {@link #close()} closes it only if it was opened.
 */
final class WarehouseOnFirstUse implements Warehouse {
    private final Supplier<Warehouse> opener;
    private Warehouse opened;

    WarehouseOnFirstUse(Supplier<Warehouse> opener) {
        this.opener = opener;
    }

    private Warehouse w() {
        if (opened == null) opened = opener.get();
        return opened;
    }

    @Override public Dialect dialect() { return w().dialect(); }

    @Override public String schema() { return w().schema(); }

    @Override public TableName own(String table) { return w().own(table); }

    @Override public long execute(String sql, Object... params) { return w().execute(sql, params); }

    @Override public void query(String sql, List<?> params, RowHandler handler) { w().query(sql, params, handler); }

    @Override public void queryReadOnly(String sql, RowHandler handler) { w().queryReadOnly(sql, handler); }

    @Override public <T> List<T> queryList(String sql, List<?> params, RowMapper<T> mapper) { return w().queryList(sql, params, mapper); }

    @Override public <T> Optional<T> queryOne(String sql, List<?> params, RowMapper<T> mapper) { return w().queryOne(sql, params, mapper); }

    @Override public long queryLong(String sql, Object... params) { return w().queryLong(sql, params); }

    @Override public BulkWriter bulkWriter(TableName table, List<String> columns) { return w().bulkWriter(table, columns); }

    @Override public <T> T transaction(Function<Warehouse, T> work) { return w().transaction(work); }

    @Override public boolean tableExists(TableName table) { return w().tableExists(table); }

    @Override public List<Column> columns(TableName table) { return w().columns(table); }

    @Override public Optional<String> checkQuery(String sql) { return w().checkQuery(sql); }

    @Override public long loadFile(Path file, TableName table, Progress progress) { return w().loadFile(file, table, progress); }

    @Override
    public void close() {
        if (opened != null) opened.close();
        opened = null;
    }
}
