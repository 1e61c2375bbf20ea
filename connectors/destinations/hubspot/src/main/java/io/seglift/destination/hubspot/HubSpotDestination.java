package io.seglift.destination.hubspot;

import io.seglift.destination.hubspot.HubSpotClient.ContactInput;
import io.seglift.destination.hubspot.HubSpotClient.RowError;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.SyncMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A HubSpot portal as a destination. Audiences are static (MANUAL) contact lists named after the segment; HubSpot's
 * lists have no description field, so the brief goes into the sync run history and the contact properties' description
 * rather than onto the list. Members are matched by email: adds upsert the contacts then add their record ids to the
 * list; updates upsert the mapped properties; removes take the record ids out of the list.
 */
public final class HubSpotDestination implements Destination {
    /** HubSpot's batch limit for contacts upsert. */
    public static final int MAX_BATCH = 100;
    /** Private apps: 100 requests per 10 seconds (rolling) and 250,000 per day on the lowest tiers. */
    public static final List<RateLimit> DOCUMENTED_LIMITS = List.of(
            new RateLimit("default", 100, Duration.ofSeconds(10)),
            new RateLimit("daily", 250_000, Duration.ofDays(1)));

    private final HubSpotClient client;
    private final Set<String> knownProperties = new HashSet<>();

    public HubSpotDestination(HubSpotClient client) {
        this.client = client;
    }

    /** What every HubSpot destination can do: email matching, every mode, removes and contact properties. */
    public static Capabilities capabilities() {
        return Capabilities.builder(Channel.CRM).identifiers(IdentifierType.EMAIL).maxBatchSize(MAX_BATCH)
                .rateLimits(DOCUMENTED_LIMITS).modes(SyncMode.values()).removes().attributes().build();
    }

    @Override
    public void check() {
        client.ping();
    }

    @Override
    public AudienceRef ensureAudience(AudienceSpec spec) {
        String name = spec.displayName();
        Optional<HubSpotClient.HubSpotList> found = client.findContactListByName(name);
        if (found.isPresent()) return new AudienceRef(found.get().listId(), name, false);
        try {
            HubSpotClient.HubSpotList created = client.createContactList(name);
            return new AudienceRef(created.listId(), name, true);
        } catch (HubSpotApiException e) {
            // created meanwhile by another process: find it again
            return client.findContactListByName(name).map(l -> new AudienceRef(l.listId(), name, false))
                    .orElseThrow(() -> e);
        }
    }

    @Override
    public BatchResult push(Batch batch) {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("HubSpot batches hold at most " + MAX_BATCH + " rows, got " + batch.size());
        }
        List<RowResult> results = batch.operation() == Operation.REMOVE ? remove(batch) : upsert(batch);
        return new BatchResult(results).requireCovers(batch);
    }

    private List<RowResult> upsert(Batch batch) {
        List<RowResult> results = new ArrayList<>();
        List<ContactInput> inputs = new ArrayList<>();
        Map<String, Member> byKey = new LinkedHashMap<>();
        Set<String> properties = new TreeSet<>();
        for (Member m : batch.members()) {
            String email = m.identifier(IdentifierType.EMAIL);
            if (email == null || email.isBlank()) {
                results.add(RowResult.rejected(m.key(), "NO_EMAIL", "HubSpot matches contacts by email; the member has none"));
                continue;
            }
            Map<String, String> props = new LinkedHashMap<>();
            m.attributes().forEach((k, v) -> props.put(k, v == null ? "" : String.valueOf(v)));
            properties.addAll(props.keySet());
            inputs.add(new ContactInput(m.key(), email.trim(), props));
            byKey.put(m.key(), m);
        }
        ensureProperties(properties);
        Map<String, String> idsByKey = new LinkedHashMap<>();
        if (!inputs.isEmpty()) upsertIsolatingInvalidRows(inputs, idsByKey, results);
        if (batch.operation() == Operation.ADD && !idsByKey.isEmpty()) {
            HubSpotClient.MembershipResult added = client.addToList(batch.audience().id(), List.copyOf(new TreeSet<>(idsByKey.values())));
            Set<String> missing = new HashSet<>(added.missing());
            idsByKey.forEach((key, id) -> results.add(missing.contains(id)
                    ? RowResult.retry(key, "RECORD_MISSING", "HubSpot did not find the contact when adding it to the list")
                    : RowResult.ok(key, id)));
        } else {
            idsByKey.forEach((key, id) -> results.add(RowResult.ok(key, id)));
        }
        return results;
    }

    /** Upserts; a 400 for the whole batch is split in halves until the invalid rows are isolated and rejected. */
    private void upsertIsolatingInvalidRows(List<ContactInput> inputs, Map<String, String> idsByKey, List<RowResult> results) {
        HubSpotClient.UpsertResult r;
        try {
            r = client.upsertContacts(inputs);
        } catch (HubSpotApiException e) {
            if (e.status() != 400) throw new io.seglift.spi.destination.DestinationException(String.valueOf(e.status()), e.getMessage());
            if (inputs.size() == 1) {
                results.add(RowResult.rejected(inputs.get(0).traceId(), e.category().isEmpty() ? "400" : e.category(),
                        Redactor.redact(e.getMessage(), inputs.get(0).email())));
                return;
            }
            int half = inputs.size() / 2;
            upsertIsolatingInvalidRows(inputs.subList(0, half), idsByKey, results);
            upsertIsolatingInvalidRows(inputs.subList(half, inputs.size()), idsByKey, results);
            return;
        }
        for (ContactInput in : inputs) {
            RowError err = r.errorsByTraceId().get(in.traceId());
            String id = r.idsByEmail().get(in.email().toLowerCase(Locale.ROOT));
            if (err != null) {
                results.add(rejectedCategory(err.category())
                        ? RowResult.rejected(in.traceId(), err.category(), Redactor.redact(err.message(), in.email()))
                        : RowResult.retry(in.traceId(), err.category(), Redactor.redact(err.message(), in.email())));
            } else if (id != null) {
                idsByKey.put(in.traceId(), id);
            } else {
                results.add(RowResult.retry(in.traceId(), "NO_RESULT", "HubSpot returned neither a record nor an error for the row"));
            }
        }
    }

    private static boolean rejectedCategory(String category) {
        return category.equals("VALIDATION_ERROR") || category.equals("INVALID_EMAIL") || category.equals("PROPERTY_DOESNT_EXIST");
    }

    /** Members carry the record id a previous push returned; without one the contact is looked up by email. */
    private List<RowResult> remove(Batch batch) {
        List<RowResult> results = new ArrayList<>();
        Map<String, String> idsByKey = new LinkedHashMap<>();
        Map<String, String> emailsByKey = new LinkedHashMap<>();
        for (Member m : batch.members()) {
            String email = m.identifier(IdentifierType.EMAIL);
            if (m.destinationId() != null) {
                idsByKey.put(m.key(), m.destinationId());
            } else if (email != null && !email.isBlank()) {
                emailsByKey.put(m.key(), email.trim().toLowerCase(Locale.ROOT));
            } else {
                results.add(RowResult.rejected(m.key(), "NO_RECORD_ID",
                        "neither a HubSpot record id nor an email is known for this member"));
            }
        }
        if (!emailsByKey.isEmpty()) {
            Map<String, String> found = client.contactIdsByEmail(List.copyOf(new TreeSet<>(emailsByKey.values())));
            emailsByKey.forEach((key, email) -> {
                String id = found.get(email);
                // no such contact: it cannot be in the list, which is what removing asks for
                if (id == null) results.add(RowResult.ok(key, null));
                else idsByKey.put(key, id);
            });
        }
        if (!idsByKey.isEmpty()) {
            client.removeFromList(batch.audience().id(), List.copyOf(new TreeSet<>(idsByKey.values())));
            // removed and missing (no longer a member, or the contact is gone) both leave the member out of the list
            idsByKey.forEach((key, id) -> results.add(RowResult.ok(key, id)));
        }
        return results;
    }

    private void ensureProperties(Set<String> names) {
        for (String name : names) {
            if (knownProperties.contains(name)) continue;
            if (!client.contactPropertyExists(name)) {
                client.createContactProperty(name, name, "Written by Seglift (warehouse-native segments)");
            }
            knownProperties.add(name);
        }
    }
}
