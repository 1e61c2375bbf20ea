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
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A HubSpot portal as a destination. Audiences are static (MANUAL) contact lists named after the segment; HubSpot's
 * lists have no description field, so the brief goes into the sync run history and the contact properties' description
 * rather than onto the list. Members are matched by email: adds upsert the contacts then add their record ids to the
 * list and return each record id as the row's destination id; updates upsert the mapped properties; removes take the
 * stored record ids (or the ids found by email) out of the list. A batch of up to {@value #MAX_BATCH} rows is sent as
 * upserts and reads of {@value HubSpotClient#MAX_INPUTS} rows and list changes of {@value HubSpotClient#MAX_LIST_IDS}
 * ids; each row's outcome is decided by the call that carried it.
 */
public final class HubSpotDestination implements Destination {
    /**
     * Rows per engine batch. HubSpot recommends batches of at most 1,000 records for contact writes
     * (developers.hubspot.com/changelog/new-rate-limits-for-the-legacy-contacts-api-batch-create-or-update-endpoint);
     * a batch is sent as {@link HubSpotClient#MAX_INPUTS}-row upserts and {@link HubSpotClient#MAX_LIST_IDS}-id list
     * changes, so a larger batch would save engine round trips only, while a retried push resends more.
     */
    public static final int MAX_BATCH = 1000;
    /** Private apps: 100 requests per 10 seconds (rolling) and 250,000 per day on the lowest tiers. */
    public static final List<RateLimit> DOCUMENTED_LIMITS = List.of(
            new RateLimit("default", 100, Duration.ofSeconds(10)),
            new RateLimit("daily", 250_000, Duration.ofDays(1)));

    /** The property group holding the properties Seglift creates. */
    public static final String PROPERTY_GROUP = "seglift";
    /** Its label in HubSpot. */
    public static final String PROPERTY_GROUP_LABEL = "Seglift";

    private final HubSpotClient client;
    private final Set<String> knownProperties = new HashSet<>();
    private boolean groupKnown;
    private BatchProgress progress = BatchProgress.NONE;

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

    /**
     * The list with {@link AudienceSpec#knownId()} first (renamed or not, it is the sync's list), else the list named
     * {@link AudienceSpec#displayName()} (HubSpot matches list names case-insensitively), else a new list. A known id
     * HubSpot no longer has (the list was deleted) yields the list found or created under the name with {@code
     * created} true, so the engine sends the whole segment again.
     */
    @Override
    public AudienceRef ensureAudience(AudienceSpec spec) {
        if (spec.knownId() != null) {
            Optional<HubSpotClient.HubSpotList> known = client.findListById(spec.knownId());
            if (known.isPresent()) return new AudienceRef(known.get().listId(), known.get().name(), false);
        }
        boolean replacesKnown = spec.knownId() != null;
        String name = spec.displayName();
        Optional<HubSpotClient.HubSpotList> found = client.findContactListByName(name);
        if (found.isPresent()) return new AudienceRef(found.get().listId(), found.get().name(), replacesKnown);
        try {
            HubSpotClient.HubSpotList created = client.createContactList(name);
            return new AudienceRef(created.listId(), created.name().isEmpty() ? name : created.name(), true);
        } catch (HubSpotApiException e) {
            // created meanwhile by another process: find it again
            return client.findContactListByName(name).map(l -> new AudienceRef(l.listId(), l.name(), replacesKnown))
                    .orElseThrow(() -> e);
        }
    }

    @Override
    public BatchResult push(Batch batch) {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("HubSpot batches hold at most " + MAX_BATCH + " rows, got " + batch.size());
        }
        // the engine retries a push whose call failed with the same batch: the calls that succeeded are not sent again
        if (!progress.isFor(batch)) progress = new BatchProgress(batch);
        List<RowResult> results = batch.operation() == Operation.REMOVE ? remove(batch) : upsert(batch);
        progress = BatchProgress.NONE;
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
        inChunks("upsert", inputs, HubSpotClient.MAX_INPUTS, chunk -> {
            Upserted u = new Upserted(new LinkedHashMap<>(), new ArrayList<>());
            upsertIsolatingInvalidRows(chunk, u.idsByKey(), u.results());
            return u;
        }, done -> {
            idsByKey.putAll(done.idsByKey());
            results.addAll(done.results());
        });
        if (batch.operation() == Operation.ADD && !idsByKey.isEmpty()) {
            Set<String> missing = new HashSet<>();
            inChunks("add", List.copyOf(new TreeSet<>(idsByKey.values())), HubSpotClient.MAX_LIST_IDS,
                    ids -> client.addToList(batch.audience().id(), ids), added -> missing.addAll(added.missing()));
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
            String id = r.idsByTraceId().get(in.traceId());
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

    /**
     * Removes by the record id a previous add returned ({@link Member#destinationId()}), which still names the contact
     * after its warehouse row was erased or its email changed; without one, the contact is looked up by email. Ids the
     * list did not hold are checked: a merged-away id is followed to the surviving contact and that one is removed; a
     * contact HubSpot no longer has, or an email no contact has, is rejected with {@code NOT_FOUND}, never reported
     * removed.
     */
    private List<RowResult> remove(Batch batch) {
        List<RowResult> results = new ArrayList<>();
        Map<String, String> idsByKey = new LinkedHashMap<>();
        Map<String, String> emailsByKey = new LinkedHashMap<>();
        for (Member m : batch.members()) {
            String email = m.identifier(IdentifierType.EMAIL);
            if (m.destinationId() != null && !m.destinationId().isBlank()) {
                idsByKey.put(m.key(), m.destinationId().trim());
            } else if (email != null && !email.isBlank()) {
                emailsByKey.put(m.key(), email.trim().toLowerCase(Locale.ROOT));
            } else {
                results.add(RowResult.rejected(m.key(), "NO_RECORD_ID",
                        "neither a HubSpot record id nor an email is known for this member"));
            }
        }
        if (!emailsByKey.isEmpty()) {
            Map<String, String> found = new LinkedHashMap<>();
            inChunks("find", List.copyOf(new TreeSet<>(emailsByKey.values())), HubSpotClient.MAX_INPUTS,
                    client::contactIdsByEmail, found::putAll);
            emailsByKey.forEach((key, email) -> {
                String id = found.get(email);
                if (id == null) results.add(RowResult.rejected(key, "NOT_FOUND", "no HubSpot contact has the member's "
                        + "email, so Seglift cannot tell which contact to take out of the list; if the email changed, "
                        + "remove the old contact from the list in HubSpot"));
                else idsByKey.put(key, id);
            });
        }
        if (idsByKey.isEmpty()) return results;
        String listId = batch.audience().id();
        Set<String> missing = new HashSet<>();
        inChunks("remove", List.copyOf(new TreeSet<>(idsByKey.values())), HubSpotClient.MAX_LIST_IDS,
                ids -> client.removeFromList(listId, ids), removed -> missing.addAll(removed.missing()));
        Map<String, String> current = new LinkedHashMap<>();
        inChunks("current", List.copyOf(new TreeSet<>(missing)), HubSpotClient.MAX_INPUTS, client::currentIds, current::putAll);
        Set<String> survivors = new TreeSet<>();
        current.forEach((old, now) -> {
            if (!old.equals(now)) survivors.add(now);
        });
        inChunks("remove survivors", List.copyOf(survivors), HubSpotClient.MAX_LIST_IDS,
                ids -> client.removeFromList(listId, ids), removed -> { });
        idsByKey.forEach((key, id) -> {
            if (!missing.contains(id)) {
                results.add(RowResult.ok(key, id));
            } else if (current.containsKey(id)) {
                // not a member (any more), or merged into a contact just taken out of the list
                results.add(RowResult.ok(key, current.get(id)));
            } else {
                results.add(RowResult.rejected(key, "NOT_FOUND", "HubSpot has no contact with the stored record id "
                        + "(deleted); it is in no list"));
            }
        });
        return results;
    }

    /**
     * Creates the properties HubSpot lacks, labelled for marketers ({@code seglift_segment} becomes "Seglift segment")
     * and kept in the {@value #PROPERTY_GROUP} property group, created first when absent.
     */
    private void ensureProperties(Set<String> names) {
        for (String name : names) {
            if (knownProperties.contains(name)) continue;
            if (!client.contactPropertyExists(name)) {
                if (!groupKnown) {
                    if (!client.contactPropertyGroupExists(PROPERTY_GROUP)) {
                        client.createContactPropertyGroup(PROPERTY_GROUP, PROPERTY_GROUP_LABEL);
                    }
                    groupKnown = true;
                }
                client.createContactProperty(name, label(name), "Written by Seglift (warehouse-native segments)",
                        PROPERTY_GROUP);
            }
            knownProperties.add(name);
        }
    }

    /** What one upsert call decided: record ids of the rows written, outcomes of the rows that were not. */
    private record Upserted(Map<String, String> idsByKey, List<RowResult> results) {
    }

    /**
     * Calls {@code call} on consecutive pieces of at most {@code size} {@code items} and hands each answer to {@code use};
     * a piece whose call succeeded in an earlier attempt of the same push is answered from {@link BatchProgress}.
     */
    private <T, R> void inChunks(String step, List<T> items, int size, Function<List<T>, R> call, Consumer<R> use) {
        List<List<T>> pieces = chunks(items, size);
        for (int i = 0; i < pieces.size(); i++) {
            List<T> piece = pieces.get(i);
            use.accept(progress.once(step + " " + i, () -> call.apply(piece)));
        }
    }

    /** {@code items} in consecutive pieces of at most {@code size}, in order. */
    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            out.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return out;
    }

    /** A readable label: {@code seglift_rfm_segment} becomes "Seglift rfm segment". */
    static String label(String propertyName) {
        String words = propertyName.replace('_', ' ').trim().replaceAll(" +", " ");
        if (words.isEmpty()) return propertyName;
        if (words.toLowerCase(Locale.ROOT).startsWith("seglift")) words = PROPERTY_GROUP_LABEL + words.substring(7);
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
