package io.seglift.destination.hubspot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    @Test
    void malformedAddressesWithASpaceLeaveNoFragmentBehind() {
        assertThat(Redactor.redact("Property values were not valid: email emma smith12@example.com is invalid"))
                .isEqualTo("Property values were not valid: email <email> is invalid")
                .doesNotContain("emma").doesNotContain("smith");
    }

    @Test
    void knownValuesPhonesAndAddressesAreRemoved() {
        assertThat(Redactor.redact("contact jo@x.io exists", "jo@x.io")).doesNotContain("jo@x.io");
        assertThat(Redactor.redact("call +1 415 555 0142 now")).isEqualTo("call <number> now");
        assertThat(Redactor.redact("Email address ann@example.com is invalid")).doesNotContain("ann");
    }
}
