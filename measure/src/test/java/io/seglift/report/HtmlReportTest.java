package io.seglift.report;

import io.seglift.measure.MeasurementReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static String html;

    @BeforeAll
    static void render() {
        MeasurementReport report = SimulatedReports.report();
        html = new HtmlReport().render(report);
    }

    @Test
    void isSelfContained() {
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=\"http")
                .doesNotContain("url(");
        Matcher m = Pattern.compile("https?://[^\"'\\s<]+").matcher(html);
        while (m.find()) {
            assertThat(m.group()).isEqualTo("http://www.w3.org/2000/svg");
        }
    }

    @Test
    void drawsEveryChartWithDataPoints() {
        assertThat(count("<svg ")).isGreaterThanOrEqualTo(9);
        assertThat(count("class=\"mark\"")).isGreaterThan(80);
        assertThat(html).contains("Lift by cohort", "Size and holdout over time", "Stability between builds",
                "Calibration of churn_45d", "Cumulative gains of purchase_30d", "Sync health", "Latest data audit");
    }

    @Test
    void syncHealthShowsTheMatchRateOfSyncsWhoseDestinationReportsIt() {
        assertThat(html).contains("<th>Match rate</th>", "93.3% (93.3%)", "(received − invalid) / received");
    }

    @Test
    void showsTheBriefAndAVerdict() {
        assertThat(html).contains("A 15% win-back offer brings lapsed repeat buyers back within a month", "crm-team",
                "+3pp", "It worked", "Recalibrate this model", "never sent: not measured");
    }

    @Test
    void theSameNumbersSerializeAsStrictJson() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String json = mapper.writeValueAsString(SimulatedReports.report());
        var strict = new com.fasterxml.jackson.databind.ObjectMapper();
        var node = strict.readTree(json);
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        var lapsed = node.get("segments").get(0);
        assertThat(lapsed.get("pooled").get("estimate").get("low").asDouble()).isPositive();
        assertThat(lapsed.get("pooled").get("power").get("requiredHoldout").asLong()).isPositive();
        assertThat(node.get("models").get(0).get("deciles").size()).isPositive();
    }

    @Test
    void escapesText() {
        assertThat(Html.esc("<b>\"x\" & 'y'</b>")).isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
    }

    private static int count(String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) n++;
        return n;
    }
}
