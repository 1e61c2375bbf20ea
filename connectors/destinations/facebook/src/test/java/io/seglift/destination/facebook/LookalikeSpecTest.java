package io.seglift.destination.facebook;

import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code lookalike:} block's checks: ratio 0.01..0.20 in steps of 0.01, ISO 3166-1 alpha-2 countries. */
class LookalikeSpecTest {

    private static List<String> problems(Map<String, Object> block) {
        Map<String, Object> values = new HashMap<>(Map.of("access_token", Secret.of("${env:T}", "t"),
                "ad_account_id", "act_1", "lookalike", block));
        return new FacebookDestinationFactory().validate(new Settings("meta", "facebook", values));
    }

    @Test
    void aValidBlockHasNoProblemsAndIsNormalised() {
        assertThat(problems(Map.of("ratio", "0.01", "countries", List.of("US")))).isEmpty();
        assertThat(problems(Map.of("ratio", "0.2", "countries", List.of("gb", "de")))).isEmpty();
        LookalikeSpec spec = LookalikeSpec.of(Map.of("ratio", "0.10", "countries", List.of("gb", "de", "GB"))).orElseThrow();
        assertThat(spec.countries()).containsExactly("GB", "DE");
        assertThat(spec.percent()).isEqualTo("10");
        assertThat(spec.nameFor("Seglift · acme · vip")).isEqualTo("Seglift · acme · vip \u2013 lookalike 10% GB,DE");
    }

    @Test
    void ratiosOutsideMetasRangeOrStepAreRefusedNamingWhatIsAllowed() {
        for (String ratio : List.of("0", "0.005", "0.21", "1", "0.015", "abc", "-0.01")) {
            assertThat(problems(Map.of("ratio", ratio, "countries", List.of("US"))))
                    .as(ratio).singleElement().asString()
                    .startsWith("lookalike: ratio " + ratio).contains("allowed: 0.01 to 0.20 in steps of 0.01");
        }
        assertThat(problems(Map.of("countries", List.of("US")))).singleElement().asString().contains("ratio is required");
    }

    @Test
    void countriesMustBeIsoAlpha2Codes() {
        assertThat(problems(Map.of("ratio", "0.01", "countries", List.of("UK")))).singleElement().asString()
                .startsWith("lookalike: countries: 'UK'").contains("did you mean GB?").contains("ISO 3166-1 alpha-2");
        assertThat(problems(Map.of("ratio", "0.01", "countries", List.of("USA", "XX")))).hasSize(2);
        assertThat(problems(Map.of("ratio", "0.01"))).singleElement().asString().contains("countries is required");
    }

    @Test
    void unknownKeysAreNamed() {
        assertThat(problems(Map.of("ratio", "0.01", "countries", List.of("US"), "ratoi", "0.02")))
                .singleElement().asString().isEqualTo("lookalike: unknown key 'ratoi' (allowed: ratio, countries)");
    }

    @Test
    void theSpecSentToMetaUsesCountryForOneAndLocationSpecForSeveral() {
        assertThat(LookalikeSpec.of(Map.of("ratio", "0.01", "countries", List.of("US"))).orElseThrow().json())
                .isEqualTo("{\"ratio\":0.01,\"country\":\"US\"}");
        assertThat(LookalikeSpec.of(Map.of("ratio", "0.03", "countries", List.of("US", "CA"))).orElseThrow().json())
                .isEqualTo("{\"ratio\":0.03,\"location_spec\":{\"geo_locations\":{\"countries\":[\"US\",\"CA\"]}}}");
    }
}
