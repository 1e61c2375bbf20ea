package io.seglift.destination.facebook;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Countries, US states and place names folded the way Meta's customer-file keys expect
 * (https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences/#hash): COUNTRY a lowercase
 * ISO 3166-1 alpha-2 code; ST the 2-letter ANSI code for US states, lowercase, and for other countries the name
 * lowercase without punctuation, special characters or white space; CT the roman letters a-z only.
 */
final class Regions {
    private static final Map<String, String> COUNTRIES = countries();
    private static final Map<String, String> US_STATES = usStates();

    private Regions() {
    }

    /** The lowercase alpha-2 code for an alpha-2 or alpha-3 code or an English country name, or {@code null}. */
    static String country(String raw) {
        if (raw == null) return null;
        return COUNTRIES.get(ascii(raw));
    }

    /** The state as Meta hashes it: the US code when the member is American (or the value is a US state), else folded. */
    static String state(String raw, String country) {
        String v = ascii(raw);
        if (v == null) return null;
        boolean usOrUnknown = country == null || country.equals("us");
        if (usOrUnknown && US_STATES.containsKey(v)) return US_STATES.get(v);
        if (usOrUnknown && US_STATES.containsValue(v)) return v;
        return "us".equals(country) ? null : v;
    }

    /**
     * Roman letters a-z (and digits) only: accents removed (é to e), ligatures spelled out (ß to ss, æ to ae), all
     * else dropped; {@code null} when nothing is left (e.g. a name in another script).
     */
    static String ascii(String raw) {
        if (raw == null) return null;
        String v = raw.trim().toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
                .replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("þ", "th").replace("ı", "i");
        v = Normalizer.normalize(v, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]", "");
        return v.isEmpty() ? null : v;
    }

    private static Map<String, String> countries() {
        Map<String, String> m = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale l = new Locale("", code);
            String alpha2 = code.toLowerCase(Locale.ROOT);
            m.put(alpha2, alpha2);
            m.put(l.getISO3Country().toLowerCase(Locale.ROOT), alpha2);
            m.put(ascii(l.getDisplayCountry(Locale.ENGLISH)), alpha2);
        }
        m.put("uk", "gb");
        m.put("usa", "us");
        m.put("unitedstatesofamerica", "us");
        m.put("greatbritain", "gb");
        m.put("england", "gb");
        m.put("scotland", "gb");
        m.put("wales", "gb");
        m.put("northernireland", "gb");
        return Map.copyOf(m);
    }

    private static Map<String, String> usStates() {
        String[] pairs = {"alabama", "al", "alaska", "ak", "arizona", "az", "arkansas", "ar", "california", "ca",
                "colorado", "co", "connecticut", "ct", "delaware", "de", "districtofcolumbia", "dc", "florida", "fl",
                "georgia", "ga", "hawaii", "hi", "idaho", "id", "illinois", "il", "indiana", "in", "iowa", "ia",
                "kansas", "ks", "kentucky", "ky", "louisiana", "la", "maine", "me", "maryland", "md",
                "massachusetts", "ma", "michigan", "mi", "minnesota", "mn", "mississippi", "ms", "missouri", "mo",
                "montana", "mt", "nebraska", "ne", "nevada", "nv", "newhampshire", "nh", "newjersey", "nj",
                "newmexico", "nm", "newyork", "ny", "northcarolina", "nc", "northdakota", "nd", "ohio", "oh",
                "oklahoma", "ok", "oregon", "or", "pennsylvania", "pa", "rhodeisland", "ri", "southcarolina", "sc",
                "southdakota", "sd", "tennessee", "tn", "texas", "tx", "utah", "ut", "vermont", "vt", "virginia", "va",
                "washington", "wa", "westvirginia", "wv", "wisconsin", "wi", "wyoming", "wy", "puertorico", "pr"};
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return Map.copyOf(m);
    }
}
