package io.seglift.destination.facebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code lookalike:} block of a facebook destination: the share of the country's population Meta picks
 * ({@code ratio}, 0.01 to 0.20 in steps of 0.01) and the countries it picks them in (ISO 3166-1 alpha-2), as
 * {@code lookalike_spec} of https://developers.facebook.com/docs/marketing-api/audiences/guides/lookalike-audiences
 * describes them.
 *
 * @param ratio     0.01 .. 0.20
 * @param countries upper-case ISO 3166-1 alpha-2 codes, at least one, without duplicates
 */
public record LookalikeSpec(BigDecimal ratio, List<String> countries) {
    static final String KEY = "lookalike";
    static final BigDecimal MIN_RATIO = new BigDecimal("0.01");
    static final BigDecimal MAX_RATIO = new BigDecimal("0.20");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> COMMON_MISTAKES = Map.of("UK", "GB", "EN", "GB", "EL", "GR");
    private static final ObjectMapper JSON = new ObjectMapper();

    public LookalikeSpec {
        countries = List.copyOf(countries);
    }

    /** The spec of a valid block; a block with {@link #problems} is refused with all of them. */
    static Optional<LookalikeSpec> of(Map<String, Object> block) {
        if (problems(block).isEmpty()) {
            List<String> codes = new ArrayList<>(new LinkedHashSet<>(countries(block).stream()
                    .map(c -> c.trim().toUpperCase(Locale.ROOT)).toList()));
            return Optional.of(new LookalikeSpec(new BigDecimal(block.get("ratio").toString().trim()), codes));
        }
        throw new IllegalArgumentException(String.join("; ", problems(block)));
    }

    /** What is wrong with the block, each sentence starting with {@code lookalike:} so validation places it there. */
    static List<String> problems(Map<String, Object> block) {
        List<String> out = new ArrayList<>();
        for (String key : block.keySet()) {
            if (!key.equals("ratio") && !key.equals("countries")) {
                out.add(KEY + ": unknown key '" + key + "' (allowed: ratio, countries)");
            }
        }
        Object ratio = block.get("ratio");
        if (ratio == null || ratio instanceof List<?>) {
            out.add(KEY + ": ratio is required (allowed: 0.01 to 0.20 in steps of 0.01, e.g. ratio: 0.01 for the 1% most"
                    + " similar people)");
        } else {
            BigDecimal r = null;
            try {
                r = new BigDecimal(ratio.toString().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (r == null || r.compareTo(MIN_RATIO) < 0 || r.compareTo(MAX_RATIO) > 0
                    || r.movePointRight(2).stripTrailingZeros().scale() > 0) {
                out.add(KEY + ": ratio " + ratio + " is not allowed (allowed: 0.01 to 0.20 in steps of 0.01, as Meta's"
                        + " lookalike_spec.ratio)");
            }
        }
        List<String> countries = countries(block);
        if (countries.isEmpty()) {
            out.add(KEY + ": countries is required (allowed: ISO 3166-1 alpha-2 country codes, e.g. countries: [US, GB])");
        }
        for (String c : countries) {
            String code = c.trim().toUpperCase(Locale.ROOT);
            if (code.length() != 2 || !ISO_COUNTRIES.contains(code)) {
                String hint = COMMON_MISTAKES.containsKey(code) ? " (did you mean " + COMMON_MISTAKES.get(code) + "?)" : "";
                out.add(KEY + ": countries: '" + c + "' is not an ISO 3166-1 alpha-2 country code" + hint
                        + " (allowed: two-letter codes such as US, GB, DE, FR)");
            }
        }
        return out;
    }

    private static List<String> countries(Map<String, Object> block) {
        Object v = block.get("countries");
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).filter(s -> !s.isBlank()).toList();
        return List.of(v.toString().split("\\s*,\\s*")).stream().filter(s -> !s.isBlank()).toList();
    }

    /** The ratio in percent, e.g. {@code 1} for 0.01. */
    String percent() {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** The name of the lookalike of {@code audienceName}, e.g. "Seglift · acme · lapsed – lookalike 1% US". */
    String nameFor(String audienceName) {
        return audienceName + " \u2013 lookalike " + percent() + "% " + String.join(",", countries);
    }

    /**
     * {@code lookalike_spec}: {@code {"ratio":0.01,"country":"US"}} for one country, {@code location_spec.geo_locations
     * .countries} for several (the reference's "Set country or location_spec").
     */
    String json() {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("ratio", ratio);
        if (countries.size() == 1) {
            spec.put("country", countries.get(0));
        } else {
            ArrayNode list = spec.putObject("location_spec").putObject("geo_locations").putArray("countries");
            countries.forEach(list::add);
        }
        return spec.toString();
    }
}
