package io.seglift.cli;

import io.seglift.spi.progress.Progress;
import io.seglift.spi.warehouse.Warehouses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seglift serve}'s refusals, which all happen before anything listens: none of these runs binds an address (a
 * run that did would block until the timeout).
 */
@Timeout(60)
class ServeCommandTest {
    @TempDir
    Path dir;

    private static CliRun serve(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(new Session(Warehouses.discover(), CliRun.destinations(), env, CliRun.CLOCK, Progress.NONE), all);
    }

    private Path project() throws IOException {
        return Files.writeString(dir.resolve("seglift.yaml"), """
                project: acme
                warehouse: {type: duckdb}
                sources:
                  customers: {table: raw.customers, key: customer_id}
                  orders: {table: raw.orders, customer: customer_id, at: ordered_at, amount: total}
                """);
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenExitsTwoBeforeReadingTheProjectOrBinding() {
        for (String address : new String[]{"0.0.0.0", "::"}) {
            CliRun r = serve(Map.of(), "--bind", address, "--port", "0", "-p", dir.resolve("absent.yaml").toString());
            assertThat(r.exitCode()).as(address).isEqualTo(ExitCode.INVALID);
            assertThat(r.err()).as(address).contains("--bind " + address + " is not a loopback address")
                    .contains("set SEGLIFT_SERVE_TOKEN or pass --token '${env:NAME}'").contains("nothing was started")
                    .doesNotContain("absent.yaml").doesNotContain("listening");
        }
    }

    @Test
    void aLiteralTokenIsRefusedWithoutShowingIt() {
        CliRun r = serve(Map.of(), "--token", "literal-secret-value-123456", "-p", dir.resolve("absent.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("--token must be ${env:NAME} or ${file:PATH}").doesNotContain("literal-secret-value");
    }

    @Test
    void protectingMetricsNeedsAToken() {
        CliRun r = serve(Map.of(), "--token-protects-metrics", "-p", dir.resolve("absent.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("--token-protects-metrics needs a token");
    }

    @Test
    void aBindAddressMustBeAnIpLiteral() {
        CliRun r = serve(Map.of(), "--bind", "seglift.example", "-p", dir.resolve("absent.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("--bind: 'seglift.example' is not an IP address").contains("0.0.0.0");
    }

    @Test
    void aTokenThatCannotBeReadOrIsTooShortIsRefusedNamingItsReferenceOnly() throws IOException {
        Path file = project();
        CliRun unset = serve(Map.of(), "--bind", "0.0.0.0", "--token", "${env:SERVE_TOKEN}", "-p", file.toString());
        assertThat(unset.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(unset.err()).contains("--token ${env:SERVE_TOKEN}: environment variable SERVE_TOKEN is not set");

        CliRun tooShort = serve(Map.of("SEGLIFT_SERVE_TOKEN", "tiny-tok"), "--bind", "0.0.0.0", "-p", file.toString());
        assertThat(tooShort.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(tooShort.err()).contains("--token ${env:SEGLIFT_SERVE_TOKEN}: the token is shorter than 16 characters")
                .doesNotContain("tiny-tok");

        Files.writeString(dir.resolve("serve.token"), "bad token with spaces in it\n");
        CliRun spaces = serve(Map.of(), "--bind", "0.0.0.0", "--token", "${file:serve.token}", "-p", file.toString());
        assertThat(spaces.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(spaces.err()).contains("--token ${file:serve.token}: the token may hold only").doesNotContain("spaces in it");
    }

    @Test
    void helpShowsTheReferenceSyntaxAndAContainerExample() {
        CliRun r = serve(Map.of("SEGLIFT_SERVE_TOKEN", "must-never-be-printed-123"), "--help");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("--bind=ADDRESS").contains("--token=REF").contains("--token-protects-metrics")
                .contains("${env:").contains("${file:PATH}").contains("Default: ${env:SEGLIFT_SERVE_TOKEN}")
                .contains("docker run -p 8642:8642 -e SEGLIFT_SERVE_TOKEN").contains("seglift serve --bind 0.0.0.0").contains("Authorization: Bearer $SEGLIFT_SERVE_TOKEN")
                .doesNotContain("must-never-be-printed");
    }

    @Test
    void theTokenFromTheEnvironmentIsRequiredForRunsOfARealServe() throws Exception {
        String token = "env-token-0123456789abcdef";
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--bind", "127.0.0.1",
                "--port", "0", "-p", project().toString()).redirectErrorStream(true);
        child.environment().put("SEGLIFT_SERVE_TOKEN", token);
        Process serve = child.start();
        try {
            BufferedReader log = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String listening = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = log.readLine()) != null; ) {
                        seen.append(line).append('\n');
                        if (line.contains("listening on")) return line;
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(listening).as(seen.toString()).contains("http://127.0.0.1:")
                    .contains("bearer token required for /runs, triggers)").doesNotContain(token);
            Matcher port = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(listening);
            assertThat(port.find()).isTrue();
            URI runs = URI.create("http://127.0.0.1:" + port.group(1) + "/runs");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(runs).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"seglift\"");
            HttpResponse<String> admitted = http.send(HttpRequest.newBuilder(runs).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(admitted.statusCode()).as(admitted.body()).isNotEqualTo(401).isNotEqualTo(400);
        } finally {
            new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
    }
}
