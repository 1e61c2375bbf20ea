package io.seglift.destination.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSpec;
import io.seglift.spi.destination.Batch;
import io.seglift.spi.destination.BatchResult;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationException;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.RetriableDestinationException;
import io.seglift.toolkit.http.HttpSender;
import io.seglift.toolkit.http.StandardWebhookSignature;
import io.seglift.toolkit.http.StatusPolicy;
import io.seglift.spi.destination.RowResult;
import io.seglift.spi.destination.SyncMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends batches to a webhook receiver. The protocol, which a receiver implements:
 * <ul>
 *   <li>{@code GET <base>/ping}: 200 when the signature verifies, 401 otherwise ({@link #check()});</li>
 *   <li>{@code PUT <base>/audiences/<key>} with name and description: 201 when created, 200 when it existed;</li>
 *   <li>{@code POST <base>/batches} with the batch: 2xx means every row is done except those listed in
 *       {@code {"rejected":[{"key","code","message"}]}}; 429 and 5xx are retried after {@code Retry-After}.</li>
 * </ul>
 * Every request is signed twice: the Standard Webhooks headers {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md,
 * the scheme Seglift's alerts use too, so a receiver can verify with any of that specification's libraries), and the
 * earlier {@code X-Seglift-Timestamp} and {@code X-Seglift-Signature} kept for receivers written against them. Batches
 * also carry an
 * {@code Idempotency-Key} (a structured-field string, as draft-ietf-httpapi-idempotency-key-header defines) naming one
 * logical request: the run, audience, operation and batch sequence, and the SHA-256 of the payload. A retry of the
 * same batch carries the same key, so a receiver can answer it with its first answer; another run, or the same members
 * with new attributes, carries another key, so a receiver that honours keys never drops new data as a replay.
 */
public final class WebhookDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDestination.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookOptions options;
    private final DestinationContext context;
    private final RequestSigner signer;

    private final HttpSender sender;
    private final StatusPolicy policy;

    public WebhookDestination(WebhookOptions options, DestinationContext context) {
        this.options = options;
        this.context = context;
        this.signer = new RequestSigner(options.signingSecret());
        this.sender = new HttpSender(context.httpClient(), context.requestTimeout(), "webhook");
        this.policy = new StatusPolicy("webhook", "the receiver rejected the signature: set signing_secret to the "
                + "receiver's shared secret (" + options.signingSecret().masked() + ")", "the receiver rejected the "
                + "signature: set signing_secret to the receiver's shared secret (" + options.signingSecret().masked() + ")");
    }

    /** What a webhook with {@code options} can do: every mode, at the receiver's declared request rate. */
    static Capabilities capabilities(WebhookOptions options) {
        return Capabilities.builder(options.channel())
                .identifiers(WebhookDestinationFactory.forwardedIdentifiers().toArray(IdentifierType[]::new))
                .maxBatchSize(options.maxBatchSize())
                .rateLimit(new RateLimit("default", Math.max(1, (int) Math.round(options.requestsPerSecond())),
                        Duration.ofSeconds(1)))
                .modes(SyncMode.MIRROR, SyncMode.ADD_ONLY, SyncMode.UPSERT).removes().attributes().build();
    }

    @Override
    public void check() {
        HttpResponse<String> response = send("GET", "/ping", new byte[0], null);
        if (response.statusCode() / 100 != 2) {
            throw failure(response, "check");
        }
    }

    @Override
    public AudienceRef ensureAudience(AudienceSpec spec) {
        ObjectNode body = JSON.createObjectNode().put("name", spec.displayName()).put("description", spec.description());
        String path = "/audiences/" + URLEncoder.encode(spec.key(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send("PUT", path, bytes(body), null);
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw failure(response, "audience " + spec.key());
        }
        return new AudienceRef(spec.key(), spec.displayName(), response.statusCode() == 201);
    }

    @Override
    public BatchResult push(Batch batch) {
        if (batch.size() > options.maxBatchSize()) {
            throw new IllegalArgumentException("batch of " + batch.size() + " rows exceeds the webhook's max_batch_size "
                    + options.maxBatchSize());
        }
        byte[] body = bytes(payload(batch));
        HttpResponse<String> response = send("POST", "/batches", body, idempotencyKey(batch, body));
        if (response.statusCode() / 100 != 2) {
            throw failure(response, "batch " + batch.sequence());
        }
        BatchResult result = results(batch, response.body());
        LOG.debug("webhook batch {} ({} {} rows): {} rejected", batch.sequence(), batch.operation(), batch.size(),
                result.rows().stream().filter(r -> r.status() != io.seglift.spi.destination.RowStatus.OK).count());
        return result;
    }

    private ObjectNode payload(Batch batch) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("audience").put("id", batch.audience().id()).put("name", batch.audience().name());
        root.put("operation", batch.operation().name().toLowerCase(Locale.ROOT));
        root.putObject("batch").put("run_id", batch.runId()).put("sequence", batch.sequence()).put("last", batch.lastBatch())
                .put("total_in_run", batch.totalInRun());
        ArrayNode members = root.putArray("members");
        for (Member m : batch.members()) {
            ObjectNode node = members.addObject().put("key", m.key());
            ObjectNode ids = node.putObject("identifiers");
            for (IdentifierType t : WebhookDestinationFactory.forwardedIdentifiers()) {
                String v = m.identifier(t);
                if (v != null) ids.put(t.name().toLowerCase(Locale.ROOT), v);
            }
            node.set("attributes", JSON.valueToTree(m.attributes()));
        }
        return root;
    }

    private static BatchResult results(Batch batch, String body) {
        Map<String, RowResult> rejected = new HashMap<>();
        if (body != null && !body.isBlank()) {
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (IOException e) {
                throw new RetriableDestinationException("BAD_RESPONSE",
                        "the webhook answered 2xx with a body that is not JSON; retrying", null, e);
            }
            for (JsonNode r : root.path("rejected")) {
                String key = r.path("key").asText();
                rejected.put(key, RowResult.rejected(key, r.path("code").asText("REJECTED"),
                        r.path("message").asText("rejected by the receiver")));
            }
        }
        List<RowResult> rows = new ArrayList<>(batch.size());
        for (Member m : batch.members()) {
            RowResult r = rejected.get(m.key());
            rows.add(r != null ? r : RowResult.ok(m.key(), null));
        }
        return new BatchResult(rows);
    }

    /**
     * The key of one logical request: run, audience, operation, sequence and the payload's SHA-256, as a quoted
     * structured-field string (https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/). The same
     * batch retried gives the same key; another run or other content gives another.
     */
    static String idempotencyKey(Batch batch, byte[] payload) {
        String request = (batch.runId() == null ? "-" : batch.runId()) + "|" + batch.audience().id() + "|"
                + batch.operation() + "|" + batch.sequence() + "|" + HexFormat.of().formatHex(sha256(payload));
        return "\"" + HexFormat.of().formatHex(sha256(request.getBytes(StandardCharsets.UTF_8))) + "\"";
    }

    /**
     * The Standard Webhooks message id: a batch's idempotency key (the same on every retry of it, as the specification
     * asks), otherwise a digest of the request and its second.
     */
    static String messageId(String method, String path, long epochSeconds, byte[] body, String idempotencyKey) {
        if (idempotencyKey != null) return "msg_" + idempotencyKey.replace("\"", "");
        byte[] request = (method + " " + path + " " + epochSeconds + " ").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[request.length + body.length];
        System.arraycopy(request, 0, all, 0, request.length);
        System.arraycopy(body, 0, all, request.length, body.length);
        return "msg_" + HexFormat.of().formatHex(sha256(all));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, byte[] body, String idempotencyKey) {
        long now = context.clock().instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(options.baseUrl().resolve(path))
                .header("Content-Type", "application/json")
                .header(RequestSigner.TIMESTAMP_HEADER, Long.toString(now))
                .header(RequestSigner.SIGNATURE_HEADER, signer.sign(now, body))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        StandardWebhookSignature.headers(options.signingSecret().reveal(), messageId(method, path, now, body,
                idempotencyKey), now, body).forEach(request::header);
        if (idempotencyKey != null) request.header(RequestSigner.IDEMPOTENCY_HEADER, idempotencyKey);
        return sender.send(request, method + " " + path);
    }

    private RuntimeException failure(HttpResponse<String> response, String what) {
        return policy.failure(response, what).orElseGet(() -> policy.fatal(response.statusCode(), what,
                "expected 2xx from " + options.baseUrl()));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "WebhookDestination[" + options.baseUrl() + "]";
    }
}
