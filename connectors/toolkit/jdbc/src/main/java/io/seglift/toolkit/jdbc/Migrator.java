package io.seglift.toolkit.jdbc;

import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Migration;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Brings Seglift's own schema up to date: creates it, then applies in id order every {@link Migration} not yet recorded
 * in {@code schema_migrations}, each in its own transaction together with its record.
 */
public final class Migrator {
    private final List<Migration> migrations;

    public Migrator(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparing(Migration::id));
        Set<String> ids = new HashSet<>();
        for (Migration m : sorted) {
            if (!ids.add(m.id())) {
                throw new IllegalStateException("two migrations share the id " + m.id());
            }
        }
        this.migrations = List.copyOf(sorted);
    }

    /** All migrations registered on the class path. */
    public static Migrator discover() {
        List<Migration> found = new ArrayList<>();
        ServiceLoader.load(Migration.class).forEach(found::add);
        return new Migrator(found);
    }

    /** Applies pending migrations; returns the ids applied. */
    public List<String> migrate(Warehouse warehouse) {
        Dialect d = warehouse.dialect();
        String schema = warehouse.schema();
        TableName log = warehouse.own("schema_migrations");
        warehouse.execute(d.createSchemaIfNotExists(schema));
        warehouse.execute("CREATE TABLE IF NOT EXISTS " + d.table(log) + " (id " + d.type(ColumnType.TEXT)
                + " NOT NULL, description " + d.type(ColumnType.TEXT) + ", applied_at "
                + d.type(ColumnType.TIMESTAMP) + ", " + d.primaryKey("id") + ")");
        Set<String> applied = new HashSet<>(warehouse.queryList("SELECT id FROM " + d.table(log), List.of(),
                r -> r.string("id")));
        List<String> done = new ArrayList<>();
        for (Migration m : migrations) {
            if (applied.contains(m.id())) {
                continue;
            }
            warehouse.inTransaction(w -> {
                for (String sql : m.statements(d, schema)) {
                    w.execute(sql);
                }
                w.execute("INSERT INTO " + d.table(log) + " (id, description, applied_at) VALUES (?, ?, "
                        + d.currentTimestamp() + ")", m.id(), m.description());
            });
            done.add(m.id());
        }
        return done;
    }
}
