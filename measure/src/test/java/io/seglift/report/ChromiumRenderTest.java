package io.seglift.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders the report in headless Chromium (Debian's {@code chromium} package) with networking disabled, checks from
 * the rendered DOM that the charts' data marks exist with non-zero geometry, and takes a screenshot (kept in
 * {@code target/report-screenshot.png} for a human to look at). Skipped when {@code /usr/bin/chromium} is absent.
 */
class ChromiumRenderTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void chartsAreDrawnInARealBrowser(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM);
        Path page = tmp.resolve("seglift-report.html");
        Files.writeString(page, new HtmlReport().render(SimulatedReports.report()), StandardCharsets.UTF_8);

        String dom = run(tmp, "--dump-dom", page.toUri().toString());
        assertThat(dom).contains("</html>");
        Matcher svgs = Pattern.compile("<svg[^>]*class=\"chart\"").matcher(dom);
        int charts = 0;
        while (svgs.find()) charts++;
        assertThat(charts).isGreaterThanOrEqualTo(9);
        Matcher marks = Pattern.compile("<(circle|rect) class=\"mark\" data-value=\"([^\"]+)\"([^>]*)>").matcher(dom);
        int drawn = 0;
        while (marks.find()) {
            String attrs = marks.group(3);
            assertThat(attrs).doesNotContain("NaN").doesNotContain("Infinity");
            drawn++;
        }
        assertThat(drawn).isGreaterThan(80);

        Path png = tmp.resolve("report.png");
        run(tmp, "--screenshot=" + png, "--window-size=1280,5200", "--hide-scrollbars", page.toUri().toString());
        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(50_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        Path keep = Path.of("target", "report-screenshot.png");
        Files.createDirectories(keep.getParent());
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(page, Path.of("target", "report-sample.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String run(Path tmp, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + tmp.resolve("profile")));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + cmd);
        }
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
