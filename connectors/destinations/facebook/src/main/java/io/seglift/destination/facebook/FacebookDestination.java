package io.seglift.destination.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.facebook.ads.sdk.APIException;
import com.facebook.ads.sdk.AdAccount;
import com.facebook.ads.sdk.CustomAudience;
import io.seglift.spi.destination.AfterSync;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSize;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.Operation;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.destination.SyncTotals;
import io.seglift.spi.destination.UploadStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facebook Custom Audiences as a destination. {@link #check()} and audience creation use the Business SDK
 * ({@code AdAccount}, {@code CustomAudience}); an audience is looked up by its stored id, else by a name filter; pushes
 * upload hashed rows to {@code /{audience}/users} (POST to add, DELETE to remove), at most 10,000 rows per call, with
 * an upload session per audience and operation that spans the run's batches
 * (https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users/). Added rows return their
 * {@link RemovalHandle} as the destination id; removes use it when the engine hands it back.
 */
public final class FacebookDestination implements Destination {
    static final int MAX_BATCH = 10_000;
    static final List<MatchKey> SCHEMA = List.of(MatchKey.values());
    private static final Logger LOG = LoggerFactory.getLogger(FacebookDestination.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FacebookOptions options;
    private final DestinationContext context;
    private final GraphClient graph;
    private final AdAccountAudiences audiences;
    private final GraphApiContext sdk;
    private final MetaNormalizer normalizer;
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final Lookalikes lookalikes;

    public FacebookDestination(FacebookOptions options, DestinationContext context) {
        this.options = options;
        this.context = context;
        this.graph = new GraphClient(options, context);
        this.audiences = new AdAccountAudiences(graph, options.adAccountId());
        SdkRequestExecutor.install();
        this.sdk = new GraphApiContext(options, graph);
        this.normalizer = new MetaNormalizer(options.defaultCountryCode(), context.clock());
        this.lookalikes = new Lookalikes(options, graph, sdk);
    }

    /** What a Facebook destination with {@code options} can do. */
    static Capabilities capabilities(FacebookOptions options) {
        Capabilities.Builder b = Capabilities.builder(Channel.ADS)
                .identifiers(IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.EXTERNAL_ID,
                        IdentifierType.FIRST_NAME, IdentifierType.LAST_NAME, IdentifierType.CITY, IdentifierType.STATE,
                        IdentifierType.ZIP, IdentifierType.COUNTRY, IdentifierType.GENDER, IdentifierType.DATE_OF_BIRTH,
                        IdentifierType.MOBILE_AD_ID)
                .maxBatchSize(MAX_BATCH)
                .rateLimit(new RateLimit("custom_audience_users", Math.max(1, options.requestsPerMinute()),
                        Duration.ofMinutes(1)))
                .modes(SyncMode.ADD_ONLY, SyncMode.MIRROR).removes();
        return b.build();
    }

    @Override
    public void check() {
        sdkCall("read ad account " + options.adAccountId(),
                () -> new AdAccount(options.adAccountId(), sdk).get().requestNameField().execute());
    }

    @Override
    public AudienceRef ensureAudience(AudienceSpec spec) {
        String name = spec.displayName();
        if (spec.knownId() != null && !spec.knownId().isBlank()) {
            Optional<AudienceRef> known = audiences.byId(spec.knownId())
                    .map(a -> new AudienceRef(a.path("id").asText(spec.knownId()), a.path("name").asText(), false));
            if (known.isPresent()) return known.get();
            LOG.warn("custom audience {} of segment {} no longer exists in {} (deleted in Ads Manager, or by Meta after"
                    + " two years unused); creating a new one", spec.knownId(), spec.key(), options.adAccountId());
            return create(spec);
        }
        return audiences.idByName(name, "id,name", a -> true).map(id -> new AudienceRef(id, name, false))
                .orElseGet(() -> create(spec));
    }

    private AudienceRef create(AudienceSpec spec) {
        String name = spec.displayName();
        CustomAudience created = sdkCall("create custom audience", () -> new AdAccount(options.adAccountId(), sdk)
                .createCustomAudience().setName(name).setSubtype(CustomAudience.EnumSubtype.VALUE_CUSTOM)
                .setDescription(spec.description()).setCustomerFileSource(options.customerFileSource()).execute());
        LOG.info("created custom audience {} for segment {} in {}", created.getId(), spec.key(), options.adAccountId());
        return new AudienceRef(created.getId(), name, true);
    }

    @Override
    public BatchResult push(Batch batch) {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("batch of " + batch.size() + " rows exceeds Meta's " + MAX_BATCH
                    + " rows per users call");
        }
        if (batch.operation() == Operation.UPDATE) {
            throw new IllegalArgumentException("Facebook audiences hold no attributes; UPDATE batches are not supported");
        }
        Map<String, RowResult> results = new LinkedHashMap<>();
        List<HashedRow> rows = new ArrayList<>();
        UploadStats upload = null;
        for (Member m : batch.members()) {
            Optional<HashedRow> stored = batch.operation() == Operation.REMOVE
                    ? RemovalHandle.parse(m.key(), m.destinationId()) : Optional.empty();
            if (stored.isPresent()) {
                rows.add(stored.get());
                continue;
            }
            MetaNormalizer.Result r = normalizer.normalize(m);
            if (r.row() == null) results.put(m.key(), RowResult.rejected(m.key(), "NO_USABLE_IDENTIFIER", r.problem()));
            else rows.add(r.row());
        }
        if (!rows.isEmpty() || batch.lastBatch()) {
            JsonNode answer = upload(batch, rows);
            Set<String> invalid = invalidSamples(answer);
            long invalidCount = answer.path("num_invalid_entries").asLong(0);
            for (HashedRow row : rows) {
                boolean rejected = row.values().values().stream().anyMatch(invalid::contains);
                results.put(row.key(), rejected
                        ? RowResult.rejected(row.key(), "INVALID_ENTRY", "Meta reported the hashed entry as invalid")
                        : RowResult.ok(row.key(), RemovalHandle.of(row)));
            }
            // only the counts are kept: invalid_entry_samples quote the hashed values and stay in this method
            upload = UploadStats.of(answer.path("num_received").asLong(rows.size()), invalidCount);
            LOG.debug("{} batch {} to audience {}: sent {}, received {}, invalid {}", batch.operation(), batch.sequence(),
                    batch.audience().id(), rows.size(), upload.received(), invalidCount);
        }
        for (Member m : batch.members()) results.putIfAbsent(m.key(), RowResult.ok(m.key(), null));
        List<RowResult> out = List.copyOf(results.values());
        return upload == null ? new BatchResult(out) : BatchResult.withUpload(out, upload);
    }

    /** Meta's size estimate of the audience ({@link MetaAudienceSize}); empty when Meta leaves it out. */
    @Override
    public Optional<AudienceSize> audienceSize(AudienceRef audience) {
        return MetaAudienceSize.read(graph, audience.id());
    }

    /**
     * With a {@code lookalike:} block, creates the audience's lookalike once Meta counts enough people in it (see {@link
     * Lookalikes}); without one, keeps whatever links are stored.
     */
    @Override
    public AfterSync afterSync(AudienceRef audience, SyncTotals totals) {
        return options.lookalike().map(spec -> lookalikes.afterSync(spec, audience, totals))
                .orElseGet(() -> AfterSync.unchanged(totals));
    }

    private JsonNode upload(Batch batch, List<HashedRow> rows) {
        // a multi-key schema is sent with is_raw true: each column holds one normalised, hashed key, combined by Meta
        // (https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences/#multi-key; the
        // Business SDKs refuse a multi-key upload without it)
        ObjectNode payload = JSON.createObjectNode();
        ArrayNode schema = payload.putArray("schema");
        SCHEMA.forEach(k -> schema.add(k.name()));
        ArrayNode data = payload.putArray("data");
        for (HashedRow row : rows) {
            ArrayNode r = data.addArray();
            row.toPayloadRow(SCHEMA).forEach(r::add);
        }
        payload.put("is_raw", true);
        String edge = "users";
        String sessionKey = batch.audience().id() + "/" + edge + "/" + batch.operation();
        long sessionId = sessions.computeIfAbsent(sessionKey, k -> newSessionId());
        ObjectNode session = JSON.createObjectNode().put("session_id", sessionId).put("batch_seq", batch.sequence() + 1)
                .put("last_batch_flag", batch.lastBatch()).put("estimated_num_total", Math.max(batch.totalInRun(), rows.size()));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("payload", payload.toString());
        params.put("session", session.toString());
        String method = batch.operation() == Operation.REMOVE ? "DELETE" : "POST";
        JsonNode answer = graph.call(method, batch.audience().id() + "/" + edge, params).json();
        if (batch.lastBatch()) sessions.remove(sessionKey);
        return answer;
    }

    private long newSessionId() {
        return context.clock().millis() * 1000 + (System.nanoTime() & 0x3FF);
    }

    /** Values Meta quoted as invalid; the answer may hold them as an object's keys or as an array. */
    private static Set<String> invalidSamples(JsonNode answer) {
        Set<String> samples = new HashSet<>();
        JsonNode s = answer.path("invalid_entry_samples");
        if (s.isObject()) s.fieldNames().forEachRemaining(samples::add);
        if (s.isArray()) s.forEach(v -> {
            if (v.isTextual()) samples.add(v.asText());
            else if (v.isArray()) v.forEach(x -> samples.add(x.asText()));
        });
        return samples;
    }

    private interface SdkCall<T> {
        T run() throws APIException;
    }

    private <T> T sdkCall(String what, SdkCall<T> call) {
        try {
            return call.run();
        } catch (APIException e) {
            throw graph.failure(what, 400, e.getRawResponse(), "", java.util.Optional.empty());
        }
    }

    @Override
    public String toString() {
        return "FacebookDestination[" + options.adAccountId() + " at " + options.baseUrl() + "]";
    }
}
