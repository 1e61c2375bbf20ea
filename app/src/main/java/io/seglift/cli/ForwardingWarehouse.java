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

/**
 * A warehouse that hands every call to another one; subclasses change only the calls they are about (opening on first
 * use, explaining refused user SQL). The SPI's default methods stay defaults, so they go through the forwarded ones.
 */
public abstract class ForwardingWarehouse implements Warehouse {

    /** The warehouse calls go to. */
    protected abstract Warehouse delegate();

    @Override
    public Dialect dialect() {
        return delegate().dialect();
    }

    @Override
    public boolean inProcess() {
        return delegate().inProcess();
    }

    @Override
    public String schema() {
        return delegate().schema();
    }

    @Override
    public long execute(String sql, Object... params) {
        return delegate().execute(sql, params);
    }

    @Override
    public void query(String sql, List<?> params, RowHandler handler) {
        delegate().query(sql, params, handler);
    }

    @Override
    public void queryReadOnly(String sql, RowHandler handler) {
        delegate().queryReadOnly(sql, handler);
    }

    @Override
    public <T> List<T> queryList(String sql, List<?> params, RowMapper<T> mapper) {
        return delegate().queryList(sql, params, mapper);
    }

    @Override
    public BulkWriter bulkWriter(TableName table, List<String> columns) {
        return delegate().bulkWriter(table, columns);
    }

    @Override
    public <T> T transaction(Function<Warehouse, T> work) {
        return delegate().transaction(work);
    }

    @Override
    public TableName createScratchTable(String name, String columns) {
        return delegate().createScratchTable(name, columns);
    }

    @Override
    public boolean tableExists(TableName table) {
        return delegate().tableExists(table);
    }

    @Override
    public List<Column> columns(TableName table) {
        return delegate().columns(table);
    }

    @Override
    public Optional<String> checkQuery(String sql) {
        return delegate().checkQuery(sql);
    }

    @Override
    public long loadFile(Path file, TableName table, Progress progress) {
        return delegate().loadFile(file, table, progress);
    }

    @Override
    public void close() {
        delegate().close();
    }
}
