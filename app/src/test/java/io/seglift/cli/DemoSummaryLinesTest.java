package io.seglift.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSummaryLinesTest {
    @Test
    void partsGetTheirOwnLinesAndCycleBlocksIndentTheirParts() {
        assertThat(DemoCommand.summaryLines("a done")).containsExactly("a done");
        assertThat(DemoCommand.summaryLines("sync x: 3 added; sync y: 4 added"))
                .containsExactly("sync x: 3 added", "sync y: 4 added");
        assertThat(DemoCommand.summaryLines("2 more cycles | cycle 2: rfm; models | cycle 3: rfm; segments"))
                .containsExactly("2 more cycles", "cycle 2: rfm", "  models", "cycle 3: rfm", "  segments");
        assertThat(DemoCommand.summaryLines("orders appended (true effect +5.0; none outside); lift +5.3"))
                .containsExactly("orders appended (true effect +5.0; none outside)", "lift +5.3");
    }
}
