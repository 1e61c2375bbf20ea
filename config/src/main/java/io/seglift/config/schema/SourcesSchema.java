package io.seglift.config.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.config.read.Keys;

import java.util.List;

import static io.seglift.config.schema.ProjectSchema.checkKeys;
import static io.seglift.config.schema.Schemas.bool;
import static io.seglift.config.schema.Schemas.closed;
import static io.seglift.config.schema.Schemas.enumeration;
import static io.seglift.config.schema.Schemas.object;
import static io.seglift.config.schema.Schemas.ref;
import static io.seglift.config.schema.Schemas.stringList;

/** {@code sources:} as a schema. */
final class SourcesSchema {
    private SourcesSchema() {
    }

    static ObjectNode sources() {
        ObjectNode p = object();
        p.set("customers", customers());
        p.set("orders", orders());
        p.set("events", events());
        p.set("suppressions", suppressions());
        checkKeys(p, Keys.SOURCES);
        return closed("Where customers and optional orders, events and suppressions live (orders are needed by "
                + "everything but label-column models).", p, "customers");
    }

    private static ObjectNode column(String description) {
        return ref("identifier", description);
    }

    private static ObjectNode customers() {
        ObjectNode p = object();
        p.set("table", ref("table", "One row per customer."));
        p.set("key", column("Customer key column."));
        for (String id : Keys.CUSTOMER_IDENTIFIERS) {
            p.set(id, column("Column holding the customer's " + id.replace('_', ' ') + " (optional identifier)."));
        }
        p.set("created_at", column("Signup time column, for tenure (optional)."));
        ObjectNode consent = object();
        consent.set("email", column("Boolean column: email marketing opt-in."));
        consent.set("sms", column("Boolean column: SMS opt-in."));
        consent.set("dnd", column("Boolean column: true = never SMS or call."));
        consent.set("ads", column("Boolean column: consent to ad matching; absent = allowed."));
        checkKeys(consent, Keys.CONSENT);
        p.set("consent", closed("Consent columns (all optional).", consent));
        checkKeys(p, Keys.CUSTOMERS);
        return closed("sources.customers", p, "table", "key");
    }

    private static ObjectNode orders() {
        ObjectNode p = object();
        p.set("table", ref("table", "One row per order or order line."));
        p.set("customer", column("Customer key column."));
        p.set("at", column("Order date or timestamp column."));
        p.set("order_id", column("Order id column; needed when rows are order lines."));
        p.set("amount", column("Value column (or give quantity and unit_price)."));
        p.set("quantity", column("Quantity column, with unit_price."));
        p.set("unit_price", column("Unit price column, with quantity."));
        p.set("category", column("Product category column, for category-breadth features."));
        ObjectNode rules = object();
        rules.set("count_by", enumeration("What one purchase is (default order).", List.of("order", "line", "day")));
        rules.set("cancelled_when", ref("sql", "SQL boolean over the orders table marking cancellations."));
        rules.set("cancellations", enumeration("Drop cancelled rows or net them against revenue (default exclude).",
                List.of("exclude", "net")));
        rules.set("drop_non_positive", bool("Drop rows with non-positive value that are not cancellations "
                + "(default true)."));
        checkKeys(rules, Keys.ORDER_RULES);
        p.set("rules", closed("How messy exports are treated (docs/scoring.md).", rules));
        checkKeys(p, Keys.ORDERS);
        ObjectNode n = closed("sources.orders: give amount, or quantity and unit_price.", p, "table", "customer", "at");
        n.putArray("oneOf").addObject().putArray("required").add("amount");
        ((com.fasterxml.jackson.databind.node.ArrayNode) n.get("oneOf")).addObject().putArray("required")
                .add("quantity").add("unit_price");
        return n;
    }

    private static ObjectNode events() {
        ObjectNode p = object();
        p.set("table", ref("table", "Engagement events table."));
        p.set("customer", column("Customer key column."));
        p.set("at", column("Event timestamp column."));
        p.set("type", column("Event type column."));
        p.set("opens", stringList("Values of type meaning an open (default [open])."));
        p.set("clicks", stringList("Values of type meaning a click (default [click])."));
        checkKeys(p, Keys.EVENTS);
        return closed("Optional engagement events.", p, "table", "customer", "at", "type");
    }

    private static ObjectNode suppressions() {
        ObjectNode p = object();
        p.set("table", ref("table", "Customers never to be sent anywhere."));
        p.set("customer", column("Customer key column."));
        checkKeys(p, Keys.SUPPRESSIONS);
        return closed("Optional suppression list.", p, "table", "customer");
    }
}
