package io.seglift.destination.facebook;

import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MetaNormalizerTest {
    private final MetaNormalizer normalizer = new MetaNormalizer(Optional.of("1"));

    private HashedRow row(Map<IdentifierType, String> ids) {
        MetaNormalizer.Result r = normalizer.normalize(new Member("c1", ids, Map.of(), null));
        assertThat(r.problem()).isNull();
        return r.row();
    }

    @Test
    void hashesNormalizedValuesPerMetasRules() {
        HashedRow r = row(Map.of(IdentifierType.EMAIL, "  John.Doe@Example.COM ",
                IdentifierType.PHONE, "+44 (0)20 7946-0958".replace("(0)", ""),
                IdentifierType.FIRST_NAME, " Zoë-Anne ", IdentifierType.LAST_NAME, "O'Brien",
                IdentifierType.CITY, "San Francisco", IdentifierType.STATE, "CA",
                IdentifierType.ZIP, "94105-1234", IdentifierType.COUNTRY, "US",
                IdentifierType.GENDER, "Female", IdentifierType.DATE_OF_BIRTH, "1987-03-09"));
        assertThat(r.values().get(MatchKey.EMAIL)).isEqualTo(MetaNormalizer.sha256("john.doe@example.com"));
        assertThat(r.values().get(MatchKey.PHONE)).isEqualTo(MetaNormalizer.sha256("442079460958"));
        assertThat(r.values().get(MatchKey.FN)).isEqualTo(MetaNormalizer.sha256("zoëanne"));
        assertThat(r.values().get(MatchKey.LN)).isEqualTo(MetaNormalizer.sha256("obrien"));
        assertThat(r.values().get(MatchKey.CT)).isEqualTo(MetaNormalizer.sha256("sanfrancisco"));
        assertThat(r.values().get(MatchKey.ST)).isEqualTo(MetaNormalizer.sha256("ca"));
        assertThat(r.values().get(MatchKey.ZIP)).isEqualTo(MetaNormalizer.sha256("94105"));
        assertThat(r.values().get(MatchKey.COUNTRY)).isEqualTo(MetaNormalizer.sha256("us"));
        assertThat(r.values().get(MatchKey.GEN)).isEqualTo(MetaNormalizer.sha256("f"));
        assertThat(r.values().get(MatchKey.DOBY)).isEqualTo(MetaNormalizer.sha256("1987"));
        assertThat(r.values().get(MatchKey.DOBM)).isEqualTo(MetaNormalizer.sha256("03"));
        assertThat(r.values().get(MatchKey.DOBD)).isEqualTo(MetaNormalizer.sha256("09"));
        // the documented example: sha256("john.doe@example.com")
        assertThat(MetaNormalizer.sha256("john.doe@example.com"))
                .isEqualTo("836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f");
    }

    @Test
    void phonesGetTheDefaultCountryCodeAndLoseLeadingZeros() {
        assertThat(row(Map.of(IdentifierType.PHONE, "(415) 555-0100")).values().get(MatchKey.PHONE))
                .isEqualTo(MetaNormalizer.sha256("14155550100"));
        assertThat(row(Map.of(IdentifierType.PHONE, "0044 20 7946 0958")).values().get(MatchKey.PHONE))
                .isEqualTo(MetaNormalizer.sha256("442079460958"));
        MetaNormalizer.Result noDefault = new MetaNormalizer(Optional.empty())
                .normalize(new Member("c", Map.of(IdentifierType.PHONE, "4155550100"), Map.of(), null));
        assertThat(noDefault.row()).isNull();
        assertThat(noDefault.problem()).contains("country code").doesNotContain("4155550100");
    }

    @Test
    void externalIdAndMadidAreNotHashed() {
        HashedRow r = row(Map.of(IdentifierType.EXTERNAL_ID, " cust-42 ", IdentifierType.MOBILE_AD_ID,
                "6D92078A-8246-4BA4-AE5B-76104861E7DC"));
        assertThat(r.values()).containsEntry(MatchKey.EXTERN_ID, "cust-42")
                .containsEntry(MatchKey.MADID, "6d92078a-8246-4ba4-ae5b-76104861e7dc");
    }

    @Test
    void rowsWithoutAStandaloneIdentifierAreRejectedWithTheReason() {
        MetaNormalizer.Result r = normalizer.normalize(new Member("c9", Map.of(IdentifierType.EMAIL, "ann.example.com",
                IdentifierType.FIRST_NAME, "Ann", IdentifierType.ZIP, "10001"), Map.of(), null));
        assertThat(r.row()).isNull();
        assertThat(r.problem()).contains("email is not a valid address").contains("no email, phone number")
                .doesNotContain("ann.example.com");
    }
}
