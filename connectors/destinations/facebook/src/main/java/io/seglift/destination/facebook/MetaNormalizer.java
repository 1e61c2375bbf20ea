package io.seglift.destination.facebook;

import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes identifiers the way Meta's customer-file matching expects, then hashes them with SHA-256, following the
 * key table of https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences/#hash : EMAIL
 * trimmed and lowercased; PHONE digits with the country code, no leading zeros or trunk prefix ({@link
 * PhoneNormalizer}); FN and LN lowercase letters without punctuation or spaces, accented letters kept as UTF-8
 * ("special characters in UTF-8 format"); CT roman letters a-z only; ST the US two-letter code or, elsewhere, the
 * folded name ({@link Regions}); ZIP lowercase without spaces, US zips cut to five digits, UK postcodes in
 * area/district/sector form; COUNTRY the ISO alpha-2 code; GEN {@code f} or {@code m}; DOBY/DOBM/DOBD {@code YYYY}
 * (1900 to this year), {@code MM}, {@code DD}. EXTERN_ID and MADID are sent unhashed (MADID lowercased). Raw values
 * never leave this class except hashed.
 */
public final class MetaNormalizer {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** Outward code (area + district) and inward code (sector digit + unit letters) of a UK postcode. */
    private static final Pattern UK_POSTCODE = Pattern.compile("^([a-z]{1,2}[0-9][a-z0-9]?)([0-9])[a-z]{2}$");
    private final PhoneNormalizer phones;
    private final Clock clock;

    public MetaNormalizer(Optional<String> defaultCountryCode) {
        this(defaultCountryCode, Clock.systemUTC());
    }

    /** A normalizer that adds {@code defaultCountryCode} to national phone numbers of members without a country. */
    public MetaNormalizer(Optional<String> defaultCountryCode, Clock clock) {
        this.phones = new PhoneNormalizer(defaultCountryCode);
        this.clock = clock;
    }

    /** The hashed row, or the reasons no standalone identifier survived normalization. */
    public Result normalize(Member m) {
        Map<MatchKey, String> plain = new EnumMap<>(MatchKey.class);
        List<String> problems = new ArrayList<>();
        String country = Regions.country(m.identifier(IdentifierType.COUNTRY));
        email(m.identifier(IdentifierType.EMAIL), plain, problems);
        String phone = m.identifier(IdentifierType.PHONE);
        if (phone != null && !phone.isBlank()) {
            phones.normalize(phone, country, problems).ifPresent(p -> plain.put(MatchKey.PHONE, p));
        }
        put(plain, MatchKey.FN, letters(m.identifier(IdentifierType.FIRST_NAME)));
        put(plain, MatchKey.LN, letters(m.identifier(IdentifierType.LAST_NAME)));
        put(plain, MatchKey.CT, lettersOnly(Regions.ascii(m.identifier(IdentifierType.CITY))));
        put(plain, MatchKey.ST, Regions.state(m.identifier(IdentifierType.STATE), country));
        put(plain, MatchKey.COUNTRY, country);
        put(plain, MatchKey.ZIP, zip(m.identifier(IdentifierType.ZIP), country));
        put(plain, MatchKey.GEN, gender(m.identifier(IdentifierType.GENDER)));
        birthDate(m.identifier(IdentifierType.DATE_OF_BIRTH), plain);
        String externalId = m.identifier(IdentifierType.EXTERNAL_ID);
        put(plain, MatchKey.EXTERN_ID, externalId == null ? null : externalId.trim());
        String madid = m.identifier(IdentifierType.MOBILE_AD_ID);
        put(plain, MatchKey.MADID, madid == null ? null : madid.trim().toLowerCase(Locale.ROOT));
        if (plain.keySet().stream().noneMatch(MatchKey::standalone)) {
            problems.add("no email, phone number, external id or mobile advertiser id to match on");
            return new Result(null, String.join("; ", problems));
        }
        Map<MatchKey, String> upload = new EnumMap<>(MatchKey.class);
        plain.forEach((k, v) -> upload.put(k, k.hashed() ? sha256(v) : v));
        return new Result(new HashedRow(m.key(), upload), null);
    }

    /**
     * The outcome for one member.
     *
     * @param row     the hashed row, or {@code null} when rejected
     * @param problem why the member cannot be uploaded (no personal data), or {@code null}
     */
    public record Result(HashedRow row, String problem) {
    }

    private static void email(String raw, Map<MatchKey, String> plain, List<String> problems) {
        if (raw == null || raw.isBlank()) return;
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (EMAIL.matcher(v).matches()) plain.put(MatchKey.EMAIL, v);
        else problems.add("email is not a valid address");
    }

    private static String letters(String raw) {
        if (raw == null) return null;
        String v = Normalizer.normalize(raw.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}]", "");
        return v.isEmpty() ? null : v;
    }

    private static String lettersOnly(String v) {
        if (v == null) return null;
        String letters = v.replaceAll("[^a-z]", "");
        return letters.isEmpty() ? null : letters;
    }

    private static String zip(String raw, String country) {
        if (raw == null) return null;
        String v = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        boolean us = "us".equals(country) || (country == null && raw.trim().matches("\\d{5}(-?\\d{4})?"));
        if (us && v.matches("\\d{5,9}")) v = v.substring(0, 5);
        Matcher uk = UK_POSTCODE.matcher(v);
        if ((country == null || "gb".equals(country)) && uk.matches()) v = uk.group(1) + uk.group(2);
        return v.isEmpty() ? null : v;
    }

    private static String gender(String raw) {
        if (raw == null || raw.isBlank()) return null;
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "f", "female", "woman", "w" -> "f";
            case "m", "male", "man" -> "m";
            default -> null;
        };
    }

    private void birthDate(String raw, Map<MatchKey, String> plain) {
        if (raw == null || raw.isBlank()) return;
        try {
            LocalDate d = LocalDate.parse(raw.trim().length() > 10 ? raw.trim().substring(0, 10) : raw.trim());
            if (d.getYear() < 1900 || d.getYear() > LocalDate.now(clock).getYear()) return;
            plain.put(MatchKey.DOBY, String.format(Locale.ROOT, "%04d", d.getYear()));
            plain.put(MatchKey.DOBM, String.format(Locale.ROOT, "%02d", d.getMonthValue()));
            plain.put(MatchKey.DOBD, String.format(Locale.ROOT, "%02d", d.getDayOfMonth()));
        } catch (DateTimeParseException e) {
            // an unparseable birth date only weakens the match; the row is still uploaded on its other keys
        }
    }

    private static void put(Map<MatchKey, String> plain, MatchKey key, String value) {
        if (value != null && !value.isEmpty()) plain.put(key, value);
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes. */
    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
