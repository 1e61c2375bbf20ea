package io.seglift.scoring;

import io.seglift.config.ActivationBrief;
import io.seglift.config.AuditConfig;
import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.config.RfmConfig;
import io.seglift.config.ScoringConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.config.SourcesConfig;
import io.seglift.config.SuccessMetric;
import io.seglift.config.WarehouseConfig;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.settings.Settings;
import io.seglift.spi.warehouse.TableName;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Project records for tests over tables {@code customers(cust_id, email, phone, email_ok, sms_ok, dnd, tier)} and {@code orders}. */
public final class Fixtures {
    private Fixtures() {
    }

    public static OrdersSource orders() {
        return new OrdersSource(TableName.parse("orders", "t"), "cust_id", "ordered_at", Optional.of("order_id"),
                Optional.of("amount"), Optional.empty(), Optional.empty(), Optional.empty(),
                new OrderRules(OrderRules.CountBy.ORDER, Optional.of("\"status\" = 'cancelled'"),
                        OrderRules.Cancellations.NET, true));
    }

    public static CustomersSource customers() {
        return new CustomersSource(TableName.parse("customers", "t"), "cust_id",
                Map.of(IdentifierType.EMAIL, "email", IdentifierType.PHONE, "phone"),
                new ConsentColumns(Optional.of("email_ok"), Optional.of("sms_ok"), Optional.of("dnd"), Optional.empty()),
                Optional.empty());
    }

    public static SegmentConfig segment(String name, String rule, double fraction, boolean withBrief) {
        Optional<ActivationBrief> brief = withBrief ? Optional.of(new ActivationBrief(List.of("crm"),
                Optional.of("Lapsed buyers come back when reached."), Optional.of(new SuccessMetric(Optional.of("back_30d"),
                Optional.of(SuccessMetric.Outcome.PURCHASE), Optional.of(30), Optional.of(SuccessMetric.Target.parse("+3pp")))),
                Optional.of("growth-team"))) : Optional.empty();
        return new SegmentConfig(name, rule, fraction, name, Optional.empty(), brief);
    }

    public static ProjectConfig project(List<SegmentConfig> segments) {
        return project(customers(), orders(), segments);
    }

    public static ProjectConfig project(CustomersSource customers, OrdersSource orders, List<SegmentConfig> segments) {
        Map<String, SegmentConfig> byName = new LinkedHashMap<>();
        segments.forEach(s -> byName.put(s.name(), s));
        return new ProjectConfig("test", Path.of("seglift.yaml"),
                new WarehouseConfig("duckdb", "seglift", new Settings("warehouse", "duckdb", Map.of())),
                new SourcesConfig(customers, orders, Optional.empty(), Optional.empty()),
                new ScoringConfig(AuditConfig.defaults(), RfmConfig.defaults(), Map.of()), byName, Map.of(), List.of());
    }
}
