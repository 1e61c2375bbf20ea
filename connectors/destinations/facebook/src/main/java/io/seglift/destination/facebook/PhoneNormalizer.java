package io.seglift.destination.facebook;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers in the form Meta matches: digits only, country calling code first, no leading zeros and no national
 * trunk prefix ("Remove symbols, letters, and any leading zeroes. You should prefix the country code if COUNTRY field
 * is not specified": https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences/#hash).
 * A UK number written {@code 07700 900123} with country GB becomes {@code 447700900123}, and so does
 * {@code +44 (0)7700 900123}: the trunk 0 is dialled only inside the country. Italy, San Marino and the Vatican keep
 * their leading 0 after the country code (ITU-T E.164 national plans), so it is not stripped there.
 */
final class PhoneNormalizer {
    /** ISO 3166-1 alpha-2 to ITU-T E.164 country calling code, for the countries a member's COUNTRY most often names. */
    static final Map<String, String> CALLING_CODES = Map.ofEntries(
            Map.entry("us", "1"), Map.entry("ca", "1"), Map.entry("gb", "44"), Map.entry("ie", "353"),
            Map.entry("fr", "33"), Map.entry("de", "49"), Map.entry("at", "43"), Map.entry("ch", "41"),
            Map.entry("it", "39"), Map.entry("es", "34"), Map.entry("pt", "351"), Map.entry("nl", "31"),
            Map.entry("be", "32"), Map.entry("lu", "352"), Map.entry("dk", "45"), Map.entry("se", "46"),
            Map.entry("no", "47"), Map.entry("fi", "358"), Map.entry("is", "354"), Map.entry("pl", "48"),
            Map.entry("cz", "420"), Map.entry("sk", "421"), Map.entry("hu", "36"), Map.entry("ro", "40"),
            Map.entry("bg", "359"), Map.entry("gr", "30"), Map.entry("hr", "385"), Map.entry("si", "386"),
            Map.entry("rs", "381"), Map.entry("ua", "380"), Map.entry("tr", "90"), Map.entry("il", "972"),
            Map.entry("ae", "971"), Map.entry("sa", "966"), Map.entry("eg", "20"), Map.entry("za", "27"),
            Map.entry("ng", "234"), Map.entry("ke", "254"), Map.entry("ma", "212"), Map.entry("in", "91"),
            Map.entry("pk", "92"), Map.entry("cn", "86"), Map.entry("jp", "81"), Map.entry("kr", "82"),
            Map.entry("tw", "886"), Map.entry("hk", "852"), Map.entry("sg", "65"), Map.entry("my", "60"),
            Map.entry("th", "66"), Map.entry("vn", "84"), Map.entry("id", "62"), Map.entry("ph", "63"),
            Map.entry("au", "61"), Map.entry("nz", "64"), Map.entry("mx", "52"), Map.entry("br", "55"),
            Map.entry("ar", "54"), Map.entry("cl", "56"), Map.entry("co", "57"), Map.entry("pe", "51"),
            Map.entry("sm", "378"), Map.entry("va", "379"));
    /** Calling codes whose national numbers keep their leading 0 in international form. */
    private static final Set<String> KEEP_LEADING_ZERO = Set.of("39", "378", "379");

    private final Optional<String> defaultCountryCode;

    PhoneNormalizer(Optional<String> defaultCountryCode) {
        this.defaultCountryCode = defaultCountryCode;
    }

    /**
     * The normalized number, or empty with the reason in {@code problems} (never the number itself).
     *
     * @param raw     the phone number as stored
     * @param country the member's normalized two-letter country, or {@code null}
     */
    Optional<String> normalize(String raw, String country, java.util.List<String> problems) {
        String t = raw.trim();
        boolean international = t.startsWith("+") || t.startsWith("00");
        String digits = t.replaceAll("\\D", "");
        if (international) {
            digits = digits.replaceFirst("^0+", "");
            digits = dropTrunkZero(digits);
        } else {
            Optional<String> code = Optional.ofNullable(country).map(CALLING_CODES::get).or(() -> defaultCountryCode);
            if (code.isEmpty()) {
                problems.add("phone number has no country code, the member has no known country and"
                        + " default_country_code is not set");
                return Optional.empty();
            }
            String cc = code.get();
            if (cc.equals("1") && digits.length() == 11 && digits.startsWith("1")) digits = digits.substring(1);
            String national = KEEP_LEADING_ZERO.contains(cc) ? digits : digits.replaceFirst("^0+", "");
            digits = cc + national;
        }
        if (digits.length() < 8 || digits.length() > 15) {
            problems.add("phone number has " + digits.length() + " digits with country code (8 to 15 allowed)");
            return Optional.empty();
        }
        return Optional.of(digits);
    }

    /** {@code 44 0 7700...} to {@code 44 7700...}: calling codes are prefix-free, so one of 1-3 digits matches. */
    private static String dropTrunkZero(String digits) {
        for (int len = 1; len <= 3 && len < digits.length(); len++) {
            String cc = digits.substring(0, len);
            if (CALLING_CODES.containsValue(cc)) {
                boolean trunk = digits.charAt(len) == '0' && !KEEP_LEADING_ZERO.contains(cc);
                return trunk ? cc + digits.substring(len + 1) : digits;
            }
        }
        return digits;
    }
}
