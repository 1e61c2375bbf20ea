package io.seglift.cli.usersql;

import io.seglift.cli.ForwardingWarehouse;
import io.seglift.spi.warehouse.RowHandler;
import io.seglift.spi.warehouse.RowMapper;
import io.seglift.spi.warehouse.Warehouse;
import io.seglift.spi.warehouse.WarehouseException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The project's warehouse as commands see it: every call goes to the engine, and when the engine refuses a statement
 * that holds user SQL, or a compile check of one ({@link #checkQuery}), the fragment at fault is reported through
 * {@link UserSql} with its line and YAML path. Inside a transaction nothing is re-checked (the engine's transaction is
 * aborted); the transaction's own failure is explained after it has rolled back.
 */
public final class UserSqlWarehouse extends ForwardingWarehouse {
    private final Warehouse w;
    private final UserSql userSql;
    /** Per thread: the demo runs syncs to different destinations at the same time on one warehouse. */
    private final ThreadLocal<int[]> transactionDepth = ThreadLocal.withInitial(() -> new int[1]);

    public UserSqlWarehouse(Warehouse warehouse, UserSql userSql) {
        this.w = warehouse;
        this.userSql = userSql;
    }

    /** The engine itself, whose answers are never turned into config errors. */
    public Warehouse engine() {
        return w;
    }

    @Override
    protected Warehouse delegate() {
        return w;
    }

    private <T> T explained(String sql, Supplier<T> call) {
        try {
            return call.get();
        } catch (WarehouseException e) {
            if (transactionDepth.get()[0] > 0 || !userSql.holdsAny(sql)) throw e;
            throw userSql.explain(w, sql, e).<RuntimeException>map(x -> x).orElse(e);
        }
    }

    @Override
    public long execute(String sql, Object... params) {
        return explained(sql, () -> w.execute(sql, params));
    }

    @Override
    public void query(String sql, List<?> params, RowHandler handler) {
        explained(sql, () -> {
            w.query(sql, params, handler);
            return null;
        });
    }

    @Override
    public <T> List<T> queryList(String sql, List<?> params, RowMapper<T> mapper) {
        return explained(sql, () -> w.queryList(sql, params, mapper));
    }

    @Override
    public <T> T transaction(Function<Warehouse, T> work) {
        int[] depth = transactionDepth.get();
        depth[0]++;
        try {
            return w.transaction(work);
        } catch (WarehouseException e) {
            if (depth[0] > 1) throw e;
            throw userSql.explain(w, null, e).<RuntimeException>map(x -> x).orElse(e);
        } finally {
            depth[0]--;
        }
    }

    /** The engine's answer; when it refuses a query holding a fragment the engine refuses alone, a config error. */
    @Override
    public Optional<String> checkQuery(String sql) {
        Optional<String> error = w.checkQuery(sql);
        if (error.isPresent() && transactionDepth.get()[0] == 0 && userSql.holdsAny(sql)) {
            var explained = userSql.explain(w, sql, new WarehouseException(error.get()));
            if (explained.isPresent()) throw explained.get();
        }
        return error;
    }
}
