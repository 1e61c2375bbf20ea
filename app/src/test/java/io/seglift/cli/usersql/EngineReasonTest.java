package io.seglift.cli.usersql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineReasonTest {
    @Test
    void keepsTheFirstLineAndMasksEmailsAndPhoneNumbers() {
        String engine = "Conversion Error: Could not convert string 'ann.probe@example.com' or '+44 20 7946 0958' to INT32\n"
                + "LINE 1: SELECT * FROM (SELECT 1 AS x FROM raw.orders o WHERE status = 'ann.probe@example.com'";
        assertThat(EngineReason.of(engine)).isEqualTo(
                "Conversion Error: Could not convert string '<email>' or '<number>' to INT32");
    }

    @Test
    void leavesDatesAndSmallNumbersReadable() {
        assertThat(EngineReason.of("Conversion Error: invalid date field format: \"2026-13-01\", line 12"))
                .isEqualTo("Conversion Error: invalid date field format: \"2026-13-01\", line 12");
        assertThat(EngineReason.of(null)).isEqualTo("refused by the warehouse");
    }
}
