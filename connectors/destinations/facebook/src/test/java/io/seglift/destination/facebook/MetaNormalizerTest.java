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

    private static String hashOf(Map<IdentifierType, String> ids, MatchKey key) {
        MetaNormalizer.Result r = new MetaNormalizer(Optional.empty(),
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T00:00:00Z"), java.time.ZoneOffset.UTC))
                .normalize(new Member("c1", withEmail(ids), Map.of(), null));
        return r.row().values().get(key);
    }

    private static Map<IdentifierType, String> withEmail(Map<IdentifierType, String> ids) {
        Map<IdentifierType, String> all = new java.util.EnumMap<>(IdentifierType.class);
        all.putAll(ids);
        all.putIfAbsent(IdentifierType.EMAIL, "a@example.com");
        return all;
    }

    // https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences/#hash : PHONE "remove
    // symbols, letters, and any leading zeroes", with the country code; the national trunk 0 is not part of it
    @Test
    void phonesLoseTheNationalTrunkZeroAfterTheCountryCode() {
        assertThat(hashOf(Map.of(IdentifierType.PHONE, "07700 900123", IdentifierType.COUNTRY, "GB"), MatchKey.PHONE))
                .isEqualTo(MetaNormalizer.sha256("447700900123"));
        assertThat(hashOf(Map.of(IdentifierType.PHONE, "+44 (0)7700 900123"), MatchKey.PHONE))
                .isEqualTo(MetaNormalizer.sha256("447700900123"));
        assertThat(hashOf(Map.of(IdentifierType.PHONE, "0044 07700 900123"), MatchKey.PHONE))
                .isEqualTo(MetaNormalizer.sha256("447700900123"));
        assertThat(hashOf(Map.of(IdentifierType.PHONE, "030 1234567", IdentifierType.COUNTRY, "Germany"), MatchKey.PHONE))
                .isEqualTo(MetaNormalizer.sha256("49301234567"));
        assertThat(hashOf(Map.of(IdentifierType.PHONE, "06 1234 5678", IdentifierType.COUNTRY, "IT"), MatchKey.PHONE))
                .as("Italian numbers keep their 0").isEqualTo(MetaNormalizer.sha256("390612345678"));
        assertThat(hashOf(Map.of(IdentifierType.PHONE, "1 (415) 555-0100", IdentifierType.COUNTRY, "US"), MatchKey.PHONE))
                .isEqualTo(MetaNormalizer.sha256("14155550100"));
    }

    // ST: "2-character ANSI abbreviation code" for the US; elsewhere "lowercase, no punctuation, no special
    // characters, no white space"; CT: "a-z only ... no special characters"
    @Test
    void statesAndCitiesFollowMetasFormsInsideAndOutsideTheUs() {
        assertThat(hashOf(Map.of(IdentifierType.STATE, "California", IdentifierType.COUNTRY, "US"), MatchKey.ST))
                .isEqualTo(MetaNormalizer.sha256("ca"));
        assertThat(hashOf(Map.of(IdentifierType.STATE, " NY "), MatchKey.ST)).isEqualTo(MetaNormalizer.sha256("ny"));
        assertThat(hashOf(Map.of(IdentifierType.STATE, "Île-de-France", IdentifierType.COUNTRY, "FR"), MatchKey.ST))
                .isEqualTo(MetaNormalizer.sha256("iledefrance"));
        assertThat(hashOf(Map.of(IdentifierType.STATE, "Baden-Württemberg", IdentifierType.COUNTRY, "DE"), MatchKey.ST))
                .isEqualTo(MetaNormalizer.sha256("badenwurttemberg"));
        assertThat(hashOf(Map.of(IdentifierType.CITY, "São Paulo"), MatchKey.CT)).isEqualTo(MetaNormalizer.sha256("saopaulo"));
        assertThat(hashOf(Map.of(IdentifierType.CITY, "Kraków"), MatchKey.CT)).isEqualTo(MetaNormalizer.sha256("krakow"));
        assertThat(hashOf(Map.of(IdentifierType.CITY, "Gießen"), MatchKey.CT)).isEqualTo(MetaNormalizer.sha256("giessen"));
        assertThat(hashOf(Map.of(IdentifierType.CITY, "St. John's"), MatchKey.CT)).isEqualTo(MetaNormalizer.sha256("stjohns"));
    }

    // ZIP: "lowercase, no white space. Use only the first 5 digits for U.S. Use Area/District/Sector format for the UK"
    @Test
    void ukPostcodesAreCutToAreaDistrictAndSector() {
        assertThat(hashOf(Map.of(IdentifierType.ZIP, "SW1A 1AA", IdentifierType.COUNTRY, "GB"), MatchKey.ZIP))
                .isEqualTo(MetaNormalizer.sha256("sw1a1"));
        assertThat(hashOf(Map.of(IdentifierType.ZIP, "M1 1AE", IdentifierType.COUNTRY, "United Kingdom"), MatchKey.ZIP))
                .isEqualTo(MetaNormalizer.sha256("m11"));
        assertThat(hashOf(Map.of(IdentifierType.ZIP, "K1A 0B6", IdentifierType.COUNTRY, "CA"), MatchKey.ZIP))
                .as("other countries: lowercase without spaces").isEqualTo(MetaNormalizer.sha256("k1a0b6"));
        assertThat(hashOf(Map.of(IdentifierType.ZIP, "94105-1234"), MatchKey.ZIP)).isEqualTo(MetaNormalizer.sha256("94105"));
    }

    // COUNTRY: "2-letter country codes in ISO 3166-1 alpha-2", lowercase; GEN m/f; DOBY "1900 to current year"
    @Test
    void countriesGenderAndBirthDatesUseMetasCodes() {
        assertThat(hashOf(Map.of(IdentifierType.COUNTRY, "UK"), MatchKey.COUNTRY)).isEqualTo(MetaNormalizer.sha256("gb"));
        assertThat(hashOf(Map.of(IdentifierType.COUNTRY, "United States"), MatchKey.COUNTRY))
                .isEqualTo(MetaNormalizer.sha256("us"));
        assertThat(hashOf(Map.of(IdentifierType.COUNTRY, "DEU"), MatchKey.COUNTRY)).isEqualTo(MetaNormalizer.sha256("de"));
        assertThat(hashOf(Map.of(IdentifierType.COUNTRY, "Atlantis"), MatchKey.COUNTRY)).isNull();
        assertThat(hashOf(Map.of(IdentifierType.GENDER, " M "), MatchKey.GEN)).isEqualTo(MetaNormalizer.sha256("m"));
        assertThat(hashOf(Map.of(IdentifierType.GENDER, "Female"), MatchKey.GEN)).isEqualTo(MetaNormalizer.sha256("f"));
        assertThat(hashOf(Map.of(IdentifierType.GENDER, "unknown"), MatchKey.GEN)).isNull();
        assertThat(hashOf(Map.of(IdentifierType.DATE_OF_BIRTH, "1899-12-31"), MatchKey.DOBY)).isNull();
        assertThat(hashOf(Map.of(IdentifierType.DATE_OF_BIRTH, "2030-01-01"), MatchKey.DOBY)).isNull();
        assertThat(hashOf(Map.of(IdentifierType.DATE_OF_BIRTH, "1901-02-03T00:00:00"), MatchKey.DOBD))
                .isEqualTo(MetaNormalizer.sha256("03"));
    }

    // FN/LN: "lowercase only, no punctuation. Special characters in UTF-8 format"; EMAIL: trim and lowercase
    @Test
    void namesKeepAccentedLettersAndEmailsAreTrimmedAndLowercased() {
        assertThat(hashOf(Map.of(IdentifierType.FIRST_NAME, " Zoë-Anne "), MatchKey.FN)).isEqualTo(MetaNormalizer.sha256("zoëanne"));
        assertThat(hashOf(Map.of(IdentifierType.LAST_NAME, "García Márquez"), MatchKey.LN))
                .isEqualTo(MetaNormalizer.sha256("garcíamárquez"));
        assertThat(hashOf(Map.of(IdentifierType.EMAIL, "\t Ann.Lee@Example.CO.UK  "), MatchKey.EMAIL))
                .isEqualTo(MetaNormalizer.sha256("ann.lee@example.co.uk"));
    }
}
