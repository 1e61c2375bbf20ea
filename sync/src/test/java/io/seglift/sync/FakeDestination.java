package io.seglift.sync;

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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An in-memory destination that behaves like the vendors: it keeps a record per member (record id {@code id-<key>},
 * returned on adds only), finds a member to remove by the stored record id ({@link Member#destinationId()}) or else by
 * its identifier, and, like the vendors, answers OK to a remove that matches nobody. Also: attributes per key, audience
 * lookup by known id, and scripted failures.
 */
final class FakeDestination implements Destination {
    final Channel channel;
    /** The identifier it matches on: the phone for SMS, else the email. */
    final IdentifierType identifier;
    final Set<String> audience = new TreeSet<>();
    final Map<String, Map<String, Object>> attributes = new HashMap<>();
    final Map<String, Integer> pushesPerKey = new ConcurrentHashMap<>();
    final Set<String> rejectKeys = new TreeSet<>();
    final Set<String> retryKeysOnce = new TreeSet<>();
    final List<Batch> batches = new ArrayList<>();
    /** Record id to customer key, and the identifier each record was added with; the audience holds keys for tests. */
    final Map<String, String> records = new HashMap<>();
    final Map<String, String> recordIdentifier = new HashMap<>();
    /** Specs {@link #ensureAudience} was called with. */
    final List<AudienceSpec> audienceSpecs = new ArrayList<>();
    /** The id of the one audience; {@link #deleteAudience} forgets it, as a vendor does. */
    String audienceId = "list-1";
    private int audiencesCreated = 1;
    /** Called before each push; may throw to simulate call failures. */
    Supplier<RuntimeException> beforePush = () -> null;
    int maxBatch = 10;

    FakeDestination(Channel channel) {
        this.channel = channel;
        this.identifier = channel == Channel.SMS ? IdentifierType.PHONE : IdentifierType.EMAIL;
    }

    /** What the fake's factory would declare. */
    Capabilities capabilities() {
        return Capabilities.builder(channel).identifiers(identifier).maxBatchSize(maxBatch)
                .rateLimit(new RateLimit("default", 1000, Duration.ofSeconds(1))).modes(SyncMode.values())
                .removes().attributes().build();
    }

    @Override
    public void check() {
    }

    @Override
    public AudienceRef ensureAudience(AudienceSpec spec) {
        audienceSpecs.add(spec);
        if (audienceId == null) {
            audienceId = "list-" + ++audiencesCreated;
            return new AudienceRef(audienceId, spec.displayName(), true);
        }
        return new AudienceRef(audienceId, spec.displayName(), false);
    }

    /** Deletes the audience and its members, as a marketer (or Meta, after two unused years) does. */
    void deleteAudience() {
        audienceId = null;
        audience.clear();
    }

    /** The customer key a remove matches: by record id first, else by identifier; null when it matches nobody. */
    private String match(Member m) {
        if (m.destinationId() != null && records.containsKey(m.destinationId())) return records.get(m.destinationId());
        String value = m.identifier(identifier);
        if (value == null) return null;
        return recordIdentifier.entrySet().stream().filter(e -> e.getValue().equals(value))
                .map(e -> records.get(e.getKey())).findFirst().orElse(null);
    }

    @Override
    public synchronized BatchResult push(Batch batch) {
        RuntimeException e = beforePush.get();
        if (e != null) throw e;
        batches.add(batch);
        List<RowResult> out = new ArrayList<>();
        for (Member m : batch.members()) {
            pushesPerKey.merge(m.key(), 1, Integer::sum);
            if (m.identifier(identifier) == null && batch.operation() != Operation.REMOVE) {
                throw new AssertionError("member without " + identifier + " sent: " + m.key());
            }
            if (rejectKeys.contains(m.key())) {
                out.add(RowResult.rejected(m.key(), "INVALID", "refused for the test"));
            } else if (retryKeysOnce.remove(m.key())) {
                out.add(RowResult.retry(m.key(), "BUSY", "try later"));
            } else {
                String recordId = null;
                switch (batch.operation()) {
                    case ADD -> {
                        recordId = "id-" + m.key();
                        records.put(recordId, m.key());
                        recordIdentifier.put(recordId, m.identifier(identifier));
                        audience.add(m.key());
                    }
                    case REMOVE -> {
                        String matched = match(m);
                        if (matched != null) audience.remove(matched);
                    }
                    case UPDATE -> { }
                }
                if (!m.attributes().isEmpty()) attributes.put(m.key(), new LinkedHashMap<>(m.attributes()));
                out.add(RowResult.ok(m.key(), recordId));
            }
        }
        return new BatchResult(out);
    }
}
