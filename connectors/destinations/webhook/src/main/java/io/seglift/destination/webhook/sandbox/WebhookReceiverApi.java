package io.seglift.destination.webhook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.sandbox.SandboxApi;
import io.seglift.sandbox.SandboxRequest;
import io.seglift.sandbox.SandboxResponse;
import io.seglift.destination.webhook.RequestSigner;
import io.seglift.toolkit.http.StandardWebhookSignature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A webhook receiver (the protocol is described on {@link io.seglift.destination.webhook.WebhookDestination}): verifies both
 * signatures and their timestamps (the Standard Webhooks one as a consumer of
 * https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#verifying-webhook-authenticity
 * does, with a five-minute tolerance), keeps audiences and member keys in memory, and rejects members whose email is malformed or who
 * have no identifier. Removes match by member key, so a member is removed without any identifier.
 * <p>
 * It honours {@code Idempotency-Key} as a receiver following the IETF draft does
 * (https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/): the value must be a structured-field
 * string (section 2.1), else 400; a repeated key with the same payload is answered with the stored first answer and not
 * applied again (section 2.6); a repeated key with a different payload is refused with 422 (section 2.7), since the
 * draft treats it as a client error. A missing key is answered 400, as the draft allows for endpoints that require one.
 */
public final class WebhookReceiverApi implements SandboxApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final long MAX_SKEW_SECONDS = 300;

    private final String secret;
    private final Clock clock;
    private final Set<String> audiences = new HashSet<>();
    private final Map<String, Set<String>> members = new HashMap<>();
    private final Map<String, Delivery> deliveries = new HashMap<>();
    private final Map<String, Map<String, String>> attributes = new HashMap<>();

    /** The payload fingerprint and the first answer stored under one idempotency key. */
    private record Delivery(String payloadSha256, String answer) {
    }

    /** A receiver that verifies signatures with {@code secret} against {@code clock}. */
    public WebhookReceiverApi(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /** Member keys currently in the audience. */
    public synchronized Set<String> members(String audienceId) {
        return Set.copyOf(members.getOrDefault(audienceId, Set.of()));
    }

    /** The attributes last applied for a member ({@code audience/key}), as JSON; null when none arrived. */
    public synchronized String attributes(String audienceId, String memberKey) {
        return attributes.getOrDefault(audienceId, Map.of()).get(memberKey);
    }

    /** Distinct deliveries (idempotency keys) applied. */
    public synchronized int deliveries() {
        return deliveries.size();
    }

    /** Per-row transient faults are ignored: the webhook protocol rejects rows, and fails for now whole requests only. */
    @Override
    public synchronized SandboxResponse handle(SandboxRequest request, boolean partialFailure, BooleanSupplier failRow) {
        if (!signatureValid(request)) return json(401, "{\"error\":\"signature does not verify\"}");
        String path = request.path();
        try {
            if (request.method().equals("GET") && path.equals("/ping")) return json(200, "{\"ok\":true}");
            if (request.method().equals("PUT") && path.startsWith("/audiences/")) {
                boolean created = audiences.add(path.substring("/audiences/".length()));
                return json(created ? 201 : 200, "{\"ok\":true}");
            }
            if (request.method().equals("POST") && path.equals("/batches")) return batch(request);
        } catch (IOException e) {
            return json(400, "{\"error\":\"body is not JSON\"}");
        }
        return json(404, "{\"error\":\"no such endpoint\"}");
    }

    private SandboxResponse batch(SandboxRequest request) throws IOException {
        String key = request.header(RequestSigner.IDEMPOTENCY_HEADER).orElse(null);
        if (key == null) return json(400, "{\"error\":\"Idempotency-Key header missing\"}");
        if (key.length() < 3 || !key.startsWith("\"") || !key.endsWith("\"")) {
            return json(400, "{\"error\":\"Idempotency-Key must be a structured-field string (quoted)\"}");
        }
        String fingerprint = sha256Hex(request.body());
        Delivery earlier = deliveries.get(key);
        if (earlier != null) {
            if (!earlier.payloadSha256().equals(fingerprint)) {
                return json(422, "{\"error\":\"Idempotency-Key reused with a different payload\"}");
            }
            return json(200, earlier.answer());
        }
        JsonNode root = JSON.readTree(request.body());
        String audience = root.path("audience").path("id").asText();
        if (!audiences.contains(audience)) return json(404, "{\"error\":\"unknown audience\"}");
        boolean remove = root.path("operation").asText().equals("remove");
        Set<String> in = members.computeIfAbsent(audience, a -> new HashSet<>());
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode rejected = answer.putArray("rejected");
        for (JsonNode m : root.path("members")) {
            String memberKey = m.path("key").asText();
            String problem = remove ? null : problem(m.path("identifiers"));
            if (problem != null) {
                rejected.addObject().put("key", memberKey).put("code", "INVALID_IDENTIFIER").put("message", problem);
            } else if (remove) {
                in.remove(memberKey);
            } else {
                in.add(memberKey);
                attributes.computeIfAbsent(audience, a -> new HashMap<>()).put(memberKey, m.path("attributes").toString());
            }
        }
        String body = JSON.writeValueAsString(answer);
        deliveries.put(key, new Delivery(fingerprint, body));
        return json(200, body);
    }

    private static String sha256Hex(String body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String problem(JsonNode identifiers) {
        JsonNode email = identifiers.get("email");
        if (email != null && !EMAIL.matcher(email.asText()).matches()) return "email is not a valid address";
        if (email == null && !identifiers.has("phone") && !identifiers.has("external_id")) {
            return "no email, phone or external_id";
        }
        return null;
    }

    private boolean signatureValid(SandboxRequest request) {
        return legacySignatureValid(request) && StandardWebhookSignature.verify(secret,
                request.header(StandardWebhookSignature.ID).orElse(null),
                request.header(StandardWebhookSignature.TIMESTAMP).orElse(null),
                request.header(StandardWebhookSignature.SIGNATURE).orElse(null),
                request.body().getBytes(StandardCharsets.UTF_8), clock.instant().getEpochSecond(), MAX_SKEW_SECONDS);
    }

    private boolean legacySignatureValid(SandboxRequest request) {
        String ts = request.header(RequestSigner.TIMESTAMP_HEADER).orElse(null);
        String signature = request.header(RequestSigner.SIGNATURE_HEADER).orElse(null);
        if (ts == null || signature == null) return false;
        long epoch;
        try {
            epoch = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - epoch) > MAX_SKEW_SECONDS) return false;
        String expected = "sha256=" + RequestSigner.hmacHex(secret, epoch, request.body().getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    private static SandboxResponse json(int status, String body) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/json"), body);
    }
}
