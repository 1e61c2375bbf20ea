package io.seglift.config.read;

import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.EventsSource;
import io.seglift.config.OrderRules;
import io.seglift.config.OrdersSource;
import io.seglift.config.SourcesConfig;
import io.seglift.config.SqlFragment;
import io.seglift.config.SuppressionsSource;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.warehouse.TableName;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@code sources:}: {@code customers} required; {@code orders}, {@code events} and {@code suppressions} optional. */
public final class SourcesReader {
    private SourcesReader() {
    }

    public static Optional<SourcesConfig> read(YamlMap sources) {
        sources.allow(Keys.SOURCES);
        Optional<CustomersSource> customers = sources.required("customers").flatMap(YamlValue::map)
                .flatMap(SourcesReader::customers);
        Optional<Optional<OrdersSource>> orders = optional(sources, "orders", SourcesReader::orders);
        Optional<Optional<EventsSource>> events = optional(sources, "events", SourcesReader::events);
        Optional<Optional<SuppressionsSource>> suppressions = optional(sources, "suppressions",
                SourcesReader::suppressions);
        if (customers.isEmpty() || orders.isEmpty() || events.isEmpty() || suppressions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SourcesConfig(customers.get(), orders.get().orElse(null), events.get(),
                suppressions.get()));
    }

    /** Empty when the block is present but invalid; {@code Optional.of(Optional.empty())} when absent. */
    private static <T> Optional<Optional<T>> optional(YamlMap parent, String key,
                                                     java.util.function.Function<YamlMap, Optional<T>> reader) {
        Optional<YamlValue> v = parent.get(key);
        if (v.isEmpty()) return Optional.of(Optional.empty());
        return v.get().map().flatMap(reader).map(Optional::of);
    }

    private static Optional<CustomersSource> customers(YamlMap m) {
        m.allow(Keys.CUSTOMERS);
        Optional<TableName> table = m.required("table").flatMap(YamlValue::table);
        Optional<String> key = m.required("key").flatMap(YamlValue::identifier);
        Map<IdentifierType, String> ids = new EnumMap<>(IdentifierType.class);
        boolean ok = true;
        for (String k : Keys.CUSTOMER_IDENTIFIERS) {
            Optional<YamlValue> v = m.get(k);
            if (v.isEmpty()) continue;
            Optional<String> col = v.get().identifier();
            if (col.isPresent()) ids.put(IdentifierType.valueOf(k.toUpperCase(Locale.ROOT)), col.get());
            else ok = false;
        }
        Optional<Optional<String>> createdAt = column(m, "created_at");
        Optional<Optional<ConsentColumns>> consent = optional(m, "consent", SourcesReader::consent);
        if (table.isEmpty() || key.isEmpty() || !ok || createdAt.isEmpty() || consent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CustomersSource(table.get(), key.get(), ids,
                consent.get().orElse(ConsentColumns.none()), createdAt.get()));
    }

    private static Optional<ConsentColumns> consent(YamlMap m) {
        m.allow(Keys.CONSENT);
        var email = column(m, "email");
        var sms = column(m, "sms");
        var dnd = column(m, "dnd");
        var ads = column(m, "ads");
        if (email.isEmpty() || sms.isEmpty() || dnd.isEmpty() || ads.isEmpty()) return Optional.empty();
        return Optional.of(new ConsentColumns(email.get(), sms.get(), dnd.get(), ads.get()));
    }

    private static Optional<OrdersSource> orders(YamlMap m) {
        m.allow(Keys.ORDERS);
        var table = m.required("table").flatMap(YamlValue::table);
        var customer = m.required("customer").flatMap(YamlValue::identifier);
        var at = m.required("at").flatMap(YamlValue::identifier);
        var orderId = column(m, "order_id");
        var amount = column(m, "amount");
        var quantity = column(m, "quantity");
        var unitPrice = column(m, "unit_price");
        var category = column(m, "category");
        boolean valueOk = orderValue(m);
        Optional<OrderRules> rules = m.get("rules").map(v -> v.map().flatMap(SourcesReader::rules))
                .orElse(Optional.of(OrderRules.defaults()));
        if (table.isEmpty() || customer.isEmpty() || at.isEmpty() || orderId.isEmpty() || amount.isEmpty()
                || quantity.isEmpty() || unitPrice.isEmpty() || category.isEmpty() || rules.isEmpty() || !valueOk) {
            return Optional.empty();
        }
        return Optional.of(new OrdersSource(table.get(), customer.get(), at.get(), orderId.get(), amount.get(),
                quantity.get(), unitPrice.get(), category.get(), rules.get()));
    }

    /** The value of a row is {@code amount}, or {@code quantity * unit_price}; exactly one of the two forms. */
    private static boolean orderValue(YamlMap m) {
        boolean amount = m.has("amount");
        boolean quantity = m.has("quantity");
        boolean price = m.has("unit_price");
        if (amount && (quantity || price)) {
            m.get(quantity ? "quantity" : "unit_price").get().error("give either amount, or quantity with "
                    + "unit_price, not both");
            return false;
        }
        if (!amount && !quantity && !price) {
            m.missing("amount", "or quantity and unit_price: the value of an order row");
            return false;
        }
        if (!amount && quantity != price) {
            m.missing(quantity ? "unit_price" : "quantity", "quantity and unit_price go together");
            return false;
        }
        return true;
    }

    private static Optional<OrderRules> rules(YamlMap m) {
        m.allow(Keys.ORDER_RULES);
        OrderRules d = OrderRules.defaults();
        Map<String, OrderRules.CountBy> countBy = enumValues(OrderRules.CountBy.values());
        Map<String, OrderRules.Cancellations> cancellations = enumValues(OrderRules.Cancellations.values());
        var c = m.get("count_by").map(v -> v.choice(countBy)).orElse(Optional.of(d.countBy()));
        Optional<Optional<String>> cancelledWhen = m.get("cancelled_when")
                .map(v -> v.sql(SqlFragment.Kind.CANCELLED_WHEN).map(Optional::of)).orElse(Optional.of(Optional.empty()));
        var canc = m.get("cancellations").map(v -> v.choice(cancellations)).orElse(Optional.of(d.cancellations()));
        var drop = m.get("drop_non_positive").map(YamlValue::bool).orElse(Optional.of(d.dropNonPositive()));
        if (c.isEmpty() || cancelledWhen.isEmpty() || canc.isEmpty() || drop.isEmpty()) return Optional.empty();
        return Optional.of(new OrderRules(c.get(), cancelledWhen.get(), canc.get(), drop.get()));
    }

    private static Optional<EventsSource> events(YamlMap m) {
        m.allow(Keys.EVENTS);
        var table = m.required("table").flatMap(YamlValue::table);
        var customer = m.required("customer").flatMap(YamlValue::identifier);
        var at = m.required("at").flatMap(YamlValue::identifier);
        var type = m.required("type").flatMap(YamlValue::identifier);
        var opens = m.get("opens").map(YamlValue::strings).orElse(Optional.of(List.of("open")));
        var clicks = m.get("clicks").map(YamlValue::strings).orElse(Optional.of(List.of("click")));
        if (table.isEmpty() || customer.isEmpty() || at.isEmpty() || type.isEmpty() || opens.isEmpty()
                || clicks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EventsSource(table.get(), customer.get(), at.get(), type.get(), opens.get(),
                clicks.get()));
    }

    private static Optional<SuppressionsSource> suppressions(YamlMap m) {
        m.allow(Keys.SUPPRESSIONS);
        var table = m.required("table").flatMap(YamlValue::table);
        var customer = m.required("customer").flatMap(YamlValue::identifier);
        if (table.isEmpty() || customer.isEmpty()) return Optional.empty();
        return Optional.of(new SuppressionsSource(table.get(), customer.get()));
    }

    /** An optional column: {@code Optional.of(empty)} when absent, empty when invalid. */
    static Optional<Optional<String>> column(YamlMap m, String key) {
        Optional<YamlValue> v = m.get(key);
        if (v.isEmpty()) return Optional.of(Optional.empty());
        return v.get().identifier().map(Optional::of);
    }

    /** YAML spellings of enum constants: lower case, {@code _} as {@code -}. */
    public static <E extends Enum<E>> Map<String, E> enumValues(E[] values) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : values) m.put(e.name().toLowerCase(Locale.ROOT).replace('_', '-'), e);
        return m;
    }
}
