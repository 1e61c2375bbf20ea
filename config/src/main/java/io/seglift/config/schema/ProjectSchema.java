package io.seglift.config.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.config.read.Keys;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.warehouse.Warehouses;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.seglift.config.schema.Schemas.bool;
import static io.seglift.config.schema.Schemas.closed;
import static io.seglift.config.schema.Schemas.enumeration;
import static io.seglift.config.schema.Schemas.integer;
import static io.seglift.config.schema.Schemas.namedMap;
import static io.seglift.config.schema.Schemas.object;
import static io.seglift.config.schema.Schemas.ref;
import static io.seglift.config.schema.Schemas.string;

/**
 * The JSON Schema (draft 2020-12) of {@code seglift.yaml}, with descriptions, including the keys of every warehouse
 * and destination type on the class path. Editors use it for completion and checks; {@code seglift validate} remains
 * the authority (it also checks references, cron expressions and secrets).
 */
public final class ProjectSchema {
    public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private final Warehouses warehouses;
    private final Destinations destinations;

    public ProjectSchema(Warehouses warehouses, Destinations destinations) {
        this.warehouses = warehouses;
        this.destinations = destinations;
    }

    /** The schema as indented JSON text. */
    public String toJson() {
        try {
            return Schemas.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(generate());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the schema: " + e.getMessage(), e);
        }
    }

    public ObjectNode generate() {
        ObjectNode root = object().put("$schema", DRAFT).put("$id", "https://seglift.io/schema/seglift.yaml.json")
                .put("title", "Seglift project file (seglift.yaml)");
        ObjectNode top = object();
        top.set("project", string("Project name, used in audience names and reports.")
                .put("pattern", "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"));
        top.set("warehouse", warehouse());
        top.set("sources", SourcesSchema.sources());
        top.set("scoring", ScoringSchema.scoring());
        top.set("segments", namedMap("Segments by name: SQL rules over the member profile, each with a holdout and "
                + "an activation brief.", SegmentSchema.segment()));
        top.set("destinations", namedMap("Destinations by name.", destination()));
        ObjectNode syncs = object().put("type", "array").put("description", "Which segment goes where, how and when.");
        syncs.set("items", sync());
        top.set("syncs", syncs);
        top.set("alerts", alerts());
        ObjectNode body = closed(null, top, "project", "warehouse", "sources");
        body.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
        root.set("$defs", defs());
        return root;
    }

    private ObjectNode warehouse() {
        Map<String, ConfigSpec> specs = new LinkedHashMap<>();
        warehouses.all().forEach((type, f) -> specs.put(type, f.configSpec()));
        ObjectNode common = object();
        common.set("schema", ref("identifier", "Schema where Seglift keeps its own tables (default seglift)."));
        return ConnectorSchemas.block("Where the data and Seglift's own tables live.", common, specs);
    }

    private ObjectNode destination() {
        Map<String, ConfigSpec> specs = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        destinations.all().forEach((type, f) -> {
            specs.put(type, f.configSpec());
            versions.put(type, f.version());
        });
        ObjectNode common = object();
        ObjectNode rate = object();
        rate.set("requests", integer("Requests allowed per period.", 1, Integer.MAX_VALUE));
        rate.set("per", ref("duration", "The period, e.g. 10s."));
        rate.set("scope", string("Which calls the limit applies to (default: default)."));
        common.set("rate_limit", closed("Overrides the documented rate limit, e.g. {requests: 100, per: 10s}.", rate,
                "requests", "per"));
        return ConnectorSchemas.block("A destination segments are synced to.", common, specs, versions);
    }

    private static ObjectNode sync() {
        ObjectNode p = object();
        p.set("name", ref("identifier", "Sync name, unique."));
        p.set("segment", string("The segment sent (a name under segments)."));
        p.set("destination", string("The destination (a name under destinations)."));
        p.set("mode", enumeration("mirror: add and remove; add-only: never remove; upsert: also write fields "
                + "(default mirror).", java.util.List.of("mirror", "add-only", "upsert")));
        p.set("schedule", string("5-field cron (minute hour day-of-month month day-of-week) for seglift serve, "
                + "e.g. \"0 6 * * *\"."));
        p.set("fields", Schemas.describe(object().put("type", "object").set("additionalProperties",
                string("SQL over the member profile.")), "Destination property -> SQL over the member profile."));
        p.set("max_removal_share", share("Largest share of the audience one run may remove, else the run is refused "
                + "(exit 6): 20% or 0.2; 0 to 100% (default 20%). The first sync of an audience is not limited.", 1.0));
        p.set("max_addition_share", share("Largest number of members one run may add, as a share of the audience, else "
                + "the run is refused (exit 6): 20% or 0.2; may exceed 100% (default 20%). The first sync is not limited.", Double.POSITIVE_INFINITY));
        p.set("max_server_wait", ref("duration", "Longest wait this sync honours when the destination asks for one "
                + "(Retry-After, Meta's regain-access time) or a rate limit needs it; past it the run stops cleanly "
                + "(exit 1) naming the wait: 0s to 1d, e.g. 15m (default 15m)."));
        p.set("min_match_rate", share("Lowest match rate of a run's uploads, (received - invalid) / received as the "
                + "destination reports them (Facebook), before the run carries a warning: 50% or 0.5; 0 to 100% "
                + "(default 50%).", 1.0));
        p.set("lookalike", Schemas.describe(object().put("type", "object"), "Facebook destinations only: a lookalike "
                + "of this sync's custom audience, {ratio: 0.01..0.20, countries: [US, ..]}, created once Meta counts at "
                + "least 100 people in it; overrides the destination block's own lookalike for this sync."));
        checkKeys(p, Keys.SYNC);
        return closed("One sync.", p, "name", "segment", "destination");
    }

    private static ObjectNode alerts() {
        ObjectNode hook = object();
        hook.set("url", string("Where alerts are posted: an https URL, or http on 127.0.0.1, ::1 or localhost."));
        hook.set("secret", ref("secret", "The key each message is signed with (Standard Webhooks, HMAC-SHA256)."));
        checkKeys(hook, Keys.WEBHOOK);
        ObjectNode p = object();
        p.set("webhook", closed("The receiver of signed JSON alert messages.", hook, "url", "secret"));
        ObjectNode on = object().put("type", "array").put("description", "Which events send an alert (default: all).");
        on.set("items", enumeration("An alert kind.", io.seglift.config.read.AlertsReader.kindCodes()));
        p.set("on", on);
        p.set("rejected_share_above", share("Alert when a run rejects more than this share of the rows it sent: "
                + "5% or 0.05 (default 5%).", 1.0));
        p.set("max_attempts", integer("Delivery attempts per alert, the first included (default 5).", 1, 10));
        p.set("give_up_after", ref("duration", "No retry starts later than this after the first attempt: 1s to 1h "
                + "(default 2m)."));
        checkKeys(p, Keys.ALERTS);
        return closed("Signed alert messages to a webhook when a sync fails, rejects too many rows, a segment's "
                + "membership changes more than the stability threshold or its lift verdict changes.", p, "webhook");
    }

    private static ObjectNode share(String description, double max) {
        ObjectNode share = object().put("description", description);
        ArrayNode any = share.putArray("anyOf");
        ObjectNode number = any.addObject().put("type", "number").put("minimum", 0);
        if (!Double.isInfinite(max)) number.put("maximum", max);
        any.addObject().put("type", "string").put("pattern", "^\\s*\\d+(\\.\\d+)?\\s*%\\s*$");
        return share;
    }

    private static ObjectNode defs() {
        ObjectNode defs = object();
        defs.set("identifier", string("A plain SQL identifier: a letter or _, then letters, digits, _ or $.")
                .put("pattern", "^[A-Za-z_][A-Za-z0-9_$]{0,127}$"));
        defs.set("table", string("[catalog.][schema.]table, each part an identifier.").put("pattern",
                "^[A-Za-z_][A-Za-z0-9_$]{0,127}(\\.[A-Za-z_][A-Za-z0-9_$]{0,127}){0,2}$"));
        defs.set("reference", string("${env:NAME} or ${file:PATH}, resolved when the file is read.")
                .put("pattern", "^" + Schemas.REF_PATTERN + "$"));
        defs.set("secret", string("A secret: must be ${env:NAME} or ${file:PATH}; literal values are refused.")
                .put("pattern", "^" + Schemas.REF_PATTERN + "$"));
        defs.set("duration", string("A duration: 500ms, 30s, 5m, 1h, 1d or ISO-8601 (PT30S).")
                .put("pattern", "^(\\d+\\s*(ms|s|m|h|d)|[Pp].+|" + Schemas.REF_PATTERN + ")$"));
        defs.set("sql", string("A SQL expression, checked against the warehouse before use."));
        defs.set("bool", bool("true or false."));
        return defs;
    }

    /** The schema and the reader share key lists; a mismatch is a programming error caught by the tests. */
    static void checkKeys(ObjectNode properties, java.util.List<String> keys) {
        java.util.List<String> names = new java.util.ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        if (!names.equals(keys)) {
            throw new IllegalStateException("schema keys " + names + " differ from reader keys " + keys);
        }
    }
}
