package io.seglift.scoring.propensity;

import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.EventsSource;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.SourcesConfig;
import io.seglift.spi.warehouse.BulkWriter;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.TableName;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A deterministic synthetic shop for tests and benchmarks: customers with a latent purchase rate and a churn date,
 * Poisson orders until they churn, email opens/clicks that follow activity, and an age column that is NULL for some.
 * Tables {@code shop.customers(id, created_at, age)}, {@code shop.orders(order_id, customer_id, ordered_at, amount,
 * category)}, {@code shop.events(customer_id, event_at, kind)}.
 */
public final class SyntheticShop {
    public static final LocalDate START = LocalDate.of(2024, 1, 1);
    public static final LocalDate END = LocalDate.of(2026, 12, 27);

    private SyntheticShop() {
    }

    public static SourcesConfig sources() {
        return new SourcesConfig(
                new CustomersSource(TableName.parse("shop.customers", "t"), "id", Map.of(), ConsentColumns.none(),
                        Optional.of("created_at")),
                new OrdersSource(TableName.parse("shop.orders", "t"), "customer_id", "ordered_at",
                        Optional.of("order_id"), Optional.of("amount"), Optional.empty(), Optional.empty(),
                        Optional.of("category"), OrderRules.defaults()),
                Optional.of(new EventsSource(TableName.parse("shop.events", "t"), "customer_id", "event_at", "kind",
                        List.of("open"), List.of("click"))),
                Optional.empty());
    }

    /** Creates and fills the tables with {@code customers} customers. */
    public static void create(Warehouse w, int customers, long seed) {
        var d = w.dialect();
        String big = d.type(ColumnType.BIGINT);
        String ts = d.type(ColumnType.TIMESTAMP);
        String dbl = d.type(ColumnType.DOUBLE);
        String txt = d.type(ColumnType.TEXT);
        w.execute("CREATE SCHEMA IF NOT EXISTS shop");
        w.execute("CREATE TABLE shop.customers (id " + big + ", created_at " + ts + ", age " + dbl + ")");
        w.execute("CREATE TABLE shop.orders (order_id " + txt + ", customer_id " + big + ", ordered_at " + ts
                + ", amount " + dbl + ", category " + txt + ")");
        w.execute("CREATE TABLE shop.events (customer_id " + big + ", event_at " + ts + ", kind " + txt + ")");
        // one table per pass, regenerated from the same seed: engines such as PostgreSQL (COPY) allow one bulk
        // writer per connection at a time
        for (String table : List.of("customers", "orders", "events")) {
            List<String> columns = switch (table) {
                case "customers" -> List.of("id", "created_at", "age");
                case "orders" -> List.of("order_id", "customer_id", "ordered_at", "amount", "category");
                default -> List.of("customer_id", "event_at", "kind");
            };
            try (BulkWriter out = w.bulkWriter(TableName.parse("shop." + table, "t"), columns)) {
                generate(customers, seed, table.equals("customers") ? out : null, table.equals("orders") ? out : null,
                        table.equals("events") ? out : null);
            }
        }
    }

    private static void generate(int customers, long seed, BulkWriter c, BulkWriter o, BulkWriter e) {
        Random r = new Random(seed);
        long days = END.toEpochDay() - START.toEpochDay();
        String[] cats = {"books", "music", "garden", "toys", "tools", "food"};
        long orderNo = 0;
        for (long id = 1; id <= customers; id++) {
            long signup = (long) (r.nextDouble() * days * 0.9);
            double age = 18 + r.nextInt(60);
            double rate = Math.exp(r.nextGaussian() * 0.9 - 3.6) * (age < 35 ? 1.4 : 1.0); // orders per day
            double lifetime = -Math.log(1 - r.nextDouble()) * (200 + 400 * r.nextDouble());
            long churn = signup + (long) lifetime;
            double engagement = r.nextDouble();
            boolean ageMissing = r.nextDouble() < 0.2;
            if (c != null) {
                c.row(id, LocalDateTime.of(START.plusDays(signup), java.time.LocalTime.NOON), ageMissing ? null : age);
            }
            int favourite = r.nextInt(cats.length);
            double t = signup + (-Math.log(1 - r.nextDouble()) / rate);
            while (t < Math.min(churn, days)) {
                String cat = r.nextDouble() < 0.6 ? cats[favourite] : cats[r.nextInt(cats.length)];
                double amount = Math.round(Math.exp(3 + r.nextGaussian() * 0.5) * 100) / 100.0;
                orderNo++;
                if (o != null) {
                    o.row("o" + orderNo, id, START.atStartOfDay().plusMinutes((long) (t * 1440)), amount, cat);
                }
                t += -Math.log(1 - r.nextDouble()) / rate;
            }
            double ev = signup + (-Math.log(1 - r.nextDouble()) * 20);
            while (ev < days) {
                boolean active = ev < churn;
                boolean click = r.nextDouble() < (active ? 0.3 * engagement + 0.1 : 0.02);
                if (e != null) {
                    e.row(id, START.atStartOfDay().plusMinutes((long) (ev * 1440)), click ? "click" : "open");
                }
                ev += -Math.log(1 - r.nextDouble()) * (active ? 15 : 60) / (0.3 + engagement);
            }
        }
    }
}
