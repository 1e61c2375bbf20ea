package io.seglift.destination.klaviyo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Klaviyo's OpenAPI spec from {@code ../shared/specs} (system property {@code seglift.shared.specs}), loaded once, and
 * validation of the requests a WireMock sandbox received against it with Atlassian's swagger-request-validator.
 */
final class KlaviyoSpec {
    private static OpenApiInteractionValidator validator;
    private static OpenApiInteractionValidator responseValidator;

    private KlaviyoSpec() {
    }

    static Optional<Path> file() {
        String dir = System.getProperty("seglift.shared.specs", "../../../shared/specs");
        Path p = Path.of(dir, "klaviyo-openapi-stable.json");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            validator = OpenApiInteractionValidator.createForSpecificationUrl(file().orElseThrow().toUri().toString()).build();
        }
        return validator;
    }

    /**
     * Validates responses. JSON Schema allows properties a schema does not list unless it says
     * {@code additionalProperties: false}; the validator's default refuses them, which would also fail every
     * {@code allOf} of the spec's response documents, so responses are checked with that default off.
     */
    static synchronized OpenApiInteractionValidator responseValidator() {
        if (responseValidator == null) {
            responseValidator = OpenApiInteractionValidator.createForSpecificationUrl(file().orElseThrow().toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
                    .build();
        }
        return responseValidator;
    }

    /** One line per request that does not conform, naming method, path and the validator's messages. */
    static List<String> violations(WireMockServer server) {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            ValidationReport report = validator().validateRequest(toRequest(r));
            if (report.hasErrors()) {
                problems.add(r.getMethod() + " " + r.getUrl().replaceFirst("\\?.*$", "") + ": "
                        + report.getMessages().stream().map(ValidationReport.Message::getMessage).toList());
            }
        }
        return problems;
    }

    /** One line per response that does not conform to the spec's response for its operation and status. */
    static List<String> responseViolations(WireMockServer server) {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            LoggedResponse response = event.getResponse();
            SimpleResponse.Builder b = SimpleResponse.Builder.status(response.getStatus());
            if (response.getHeaders() != null) {
                for (HttpHeader h : response.getHeaders().all()) b.withHeader(h.key(), h.values());
            }
            if (response.getBodyAsString() != null && !response.getBodyAsString().isEmpty()) {
                b.withBody(response.getBodyAsString());
            }
            String path = r.getUrl().replaceFirst("\\?.*$", "");
            ValidationReport report = responseValidator().validateResponse(path,
                    Request.Method.valueOf(r.getMethod().getName()), b.build());
            if (report.hasErrors()) {
                problems.add(r.getMethod() + " " + path + " -> " + response.getStatus() + ": "
                        + report.getMessages().stream().map(ValidationReport.Message::getMessage).toList());
            }
        }
        return problems;
    }

    static Request toRequest(LoggedRequest r) {
        String url = r.getUrl();
        int q = url.indexOf('?');
        SimpleRequest.Builder b = new SimpleRequest.Builder(r.getMethod().getName(), q < 0 ? url : url.substring(0, q));
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                b.withQueryParam(name, value);
            }
        }
        for (HttpHeader h : r.getHeaders().all()) b.withHeader(h.key(), h.values());
        if (r.getBody() != null && r.getBody().length > 0) b.withBody(r.getBodyAsString());
        return b.build();
    }
}
