package io.seglift.destination.facebook;

import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalizes identifiers the way Meta's customer-file matching expects, then hashes them with SHA-256:
 * emails trimmed and lowercased; phones digits only with the country code and no leading zeros; first and last names
 * lowercase letters only (UTF-8 letters kept, punctuation and spaces dropped); city lowercase letters only; state a
 * two-letter lowercase code; zip lowercase without spaces or dashes, US zips cut to five digits; country a two-letter
 * lowercase ISO code; gender {@code f} or {@code m}; date of birth split into year, month and day. EXTERN_ID and MADID
 * are sent unhashed (MADID lowercased). Raw values never leave this class except hashed.
 */
public final class MetaNormalizer {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private final Optional<String> defaultCountryCode;

    public MetaNormalizer(Optional<String> defaultCountryCode) {
        this.defaultCountryCode = defaultCountryCode;
    }

    /** The hashed row, or the reasons no standalone identifier survived normalization. */
    public Result normalize(Member m) {
        Map<MatchKey, String> plain = new EnumMap<>(MatchKey.class);
        List<String> problems = new ArrayList<>();
        email(m.identifier(IdentifierType.EMAIL), plain, problems);
        phone(m.identifier(IdentifierType.PHONE), plain, problems);
        put(plain, MatchKey.FN, letters(m.identifier(IdentifierType.FIRST_NAME)));
        put(plain, MatchKey.LN, letters(m.identifier(IdentifierType.LAST_NAME)));
        put(plain, MatchKey.CT, letters(m.identifier(IdentifierType.CITY)));
        put(plain, MatchKey.ST, exactly(2, letters(m.identifier(IdentifierType.STATE))));
        String country = exactly(2, letters(m.identifier(IdentifierType.COUNTRY)));
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

    private void phone(String raw, Map<MatchKey, String> plain, List<String> problems) {
        if (raw == null || raw.isBlank()) return;
        String t = raw.trim();
        boolean international = t.startsWith("+") || t.startsWith("00");
        String digits = t.replaceAll("\\D", "");
        if (t.startsWith("00")) digits = digits.substring(2);
        if (!international) {
            if (defaultCountryCode.isEmpty()) {
                problems.add("phone number has no country code and default_country_code is not set");
                return;
            }
            digits = defaultCountryCode.get() + digits.replaceFirst("^0+", "");
        }
        digits = digits.replaceFirst("^0+", "");
        if (digits.length() < 8 || digits.length() > 15) {
            problems.add("phone number has " + digits.length() + " digits with country code (8 to 15 allowed)");
            return;
        }
        plain.put(MatchKey.PHONE, digits);
    }

    private static String letters(String raw) {
        if (raw == null) return null;
        String v = Normalizer.normalize(raw.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}]", "");
        return v.isEmpty() ? null : v;
    }

    private static String exactly(int length, String v) {
        return v != null && v.length() == length && v.chars().allMatch(c -> c >= 'a' && c <= 'z') ? v : null;
    }

    private static String zip(String raw, String country) {
        if (raw == null) return null;
        String v = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        boolean us = "us".equals(country) || (country == null && raw.trim().matches("\\d{5}(-?\\d{4})?"));
        if (us && v.matches("\\d{5,9}")) v = v.substring(0, 5);
        return v.isEmpty() ? null : v;
    }

    private static String gender(String raw) {
        if (raw == null || raw.isBlank()) return null;
        char c = Character.toLowerCase(raw.trim().charAt(0));
        return c == 'f' || c == 'm' ? String.valueOf(c) : null;
    }

    private static void birthDate(String raw, Map<MatchKey, String> plain) {
        if (raw == null || raw.isBlank()) return;
        try {
            LocalDate d = LocalDate.parse(raw.trim().length() > 10 ? raw.trim().substring(0, 10) : raw.trim());
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
