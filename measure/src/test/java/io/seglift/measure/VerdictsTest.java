package io.seglift.measure;

import io.seglift.config.SuccessMetric;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {
    private static final BriefSummary BRIEF = new BriefSummary("h", "reactivated_30d", "purchase", 30, "+3pp",
            "growth@example.com", List.of("hubspot_crm"));

    @Test
    void aSegmentSentAfterTheLatestOrdersSaysWhenItsLiftWillAppear() {
        Activation sent = new Activation(1, Instant.parse("2026-11-22T06:00:00Z"), Instant.parse("2026-11-22T06:00:00Z"));
        String v = Verdicts.of(SuccessMetric.Outcome.PURCHASE, sent, List.of(), null, BRIEF, LocalDate.of(2026, 6, 30), 30);
        assertThat(v).contains("first sent on 2026-11-22", "latest orders in the warehouse (2026-06-30)", "30 days");
    }

    @Test
    void aSegmentNeverSentSaysSo() {
        Activation never = new Activation(0, null, null);
        assertThat(Verdicts.of(SuccessMetric.Outcome.PURCHASE, never, List.of(), null, BRIEF, LocalDate.of(2026, 6, 30), 30))
                .contains("never been sent");
    }
}
