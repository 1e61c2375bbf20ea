package io.seglift.webhook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.seglift.webhook.RequestSigner;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server that behaves like a webhook receiver (see {@link io.seglift.webhook.WebhookDestination} for the
 * protocol). Faults are injected in front of it with higher-priority WireMock stubs.
 */
public final class WebhookReceiverSandbox implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final long MAX_SKEW_SECONDS = 300;

    private final WireMockServer server;
    private final String secret;
    private final Clock clock;
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final Map<String, String> deliveries = new ConcurrentHashMap<>();
    private final Set<String> audiences = ConcurrentHashMap.newKeySet();

    private WebhookReceiverSandbox(int port, String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
        this.server = new WireMockServer(options().port(port).extensions(new Receiver()));
    }

    /** Starts a receiver on a free port that accepts requests signed with {@code secret}. */
    public static WebhookReceiverSandbox start(String secret) {
        return start(0, secret, Clock.systemUTC());
    }

    /** Starts a receiver on {@code port} (0 for a free one). */
    public static WebhookReceiverSandbox start(int port, String secret, Clock clock) {
        WebhookReceiverSandbox sandbox = new WebhookReceiverSandbox(port, secret, clock);
        sandbox.server.start();
        sandbox.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(Receiver.NAME)));
        return sandbox;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The underlying server, for fault injection and request inspection. */
    public WireMockServer server() {
        return server;
    }

    /** Member keys currently in the audience. */
    public Set<String> members(String audienceId) {
        return Set.copyOf(members.getOrDefault(audienceId, Set.of()));
    }

    /** Distinct deliveries (idempotency keys) received. */
    public int deliveries() {
        return deliveries.size();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Receiver implements ResponseDefinitionTransformerV2 {
        static final String NAME = "seglift-webhook-receiver";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            if (!signatureValid(request)) {
                return json(401, "{\"error\":\"signature does not verify\"}");
            }
            String path = request.getUrl().replaceFirst("\\?.*$", "");
            String method = request.getMethod().getName();
            try {
                if (method.equals("GET") && path.equals("/ping")) return json(200, "{\"ok\":true}");
                if (method.equals("PUT") && path.startsWith("/audiences/")) {
                    boolean created = audiences.add(path.substring("/audiences/".length()));
                    return json(created ? 201 : 200, "{\"ok\":true}");
                }
                if (method.equals("POST") && path.equals("/batches")) return batch(request);
            } catch (IOException e) {
                return json(400, "{\"error\":\"body is not JSON\"}");
            }
            return json(404, "{\"error\":\"no such endpoint\"}");
        }

        private ResponseDefinition batch(LoggedRequest request) throws IOException {
            String key = request.getHeader(RequestSigner.IDEMPOTENCY_HEADER);
            if (key == null) return json(400, "{\"error\":\"Idempotency-Key header missing\"}");
            synchronized (WebhookReceiverSandbox.this) {
                String earlier = deliveries.get(key);
                if (earlier != null) return json(200, earlier);
                JsonNode root = JSON.readTree(request.getBody());
                String audience = root.path("audience").path("id").asText();
                if (!audiences.contains(audience)) return json(404, "{\"error\":\"unknown audience\"}");
                boolean remove = root.path("operation").asText().equals("remove");
                Set<String> in = members.computeIfAbsent(audience, a -> ConcurrentHashMap.newKeySet());
                ObjectNode answer = JSON.createObjectNode();
                ArrayNode rejected = answer.putArray("rejected");
                for (JsonNode m : root.path("members")) {
                    String memberKey = m.path("key").asText();
                    String problem = problem(m.path("identifiers"));
                    if (problem != null && !remove) {
                        rejected.addObject().put("key", memberKey).put("code", "INVALID_IDENTIFIER")
                                .put("message", problem);
                    } else if (remove) {
                        in.remove(memberKey);
                    } else {
                        in.add(memberKey);
                    }
                }
                String body = JSON.writeValueAsString(answer);
                deliveries.put(key, body);
                return json(200, body);
            }
        }

        private String problem(JsonNode identifiers) {
            JsonNode email = identifiers.get("email");
            if (email != null && !EMAIL.matcher(email.asText()).matches()) return "email is not a valid address";
            if (email == null && !identifiers.has("phone") && !identifiers.has("external_id")) {
                return "no email, phone or external_id";
            }
            return null;
        }

        private boolean signatureValid(LoggedRequest request) {
            String ts = request.getHeader(RequestSigner.TIMESTAMP_HEADER);
            String signature = request.getHeader(RequestSigner.SIGNATURE_HEADER);
            if (ts == null || signature == null) return false;
            long epoch;
            try {
                epoch = Long.parseLong(ts);
            } catch (NumberFormatException e) {
                return false;
            }
            if (Math.abs(clock.instant().getEpochSecond() - epoch) > MAX_SKEW_SECONDS) return false;
            byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
            String expected = "sha256=" + RequestSigner.hmacHex(secret, epoch, body);
            return MessageDigest.isEqual(expected.getBytes(), signature.getBytes());
        }

        private ResponseDefinition json(int status, String body) {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(body).build();
        }
    }
}
