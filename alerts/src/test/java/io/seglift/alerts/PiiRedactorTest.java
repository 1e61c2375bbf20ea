package io.seglift.alerts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiRedactorTest {
    @Test
    void emailsAndPhoneNumbersAreReplacedAndOrdinaryNumbersKept() {
        assertThat(PiiRedactor.redact("bad address a.b+c@shop.example.org in row 12"))
                .isEqualTo("bad address <email> in row 12");
        assertThat(PiiRedactor.redact("call +44 20 7946 0958 or (555) 010-2368"))
                .isEqualTo("call <phone> or <phone>");
        assertThat(PiiRedactor.redact("12 of 1,250 rows rejected on 2026-11-01, run mi0x2k9a-1f3a2"))
                .isEqualTo("12 of 1,250 rows rejected on 2026-11-01, run mi0x2k9a-1f3a2");
        assertThat(PiiRedactor.redact(null)).isNull();
    }
}
