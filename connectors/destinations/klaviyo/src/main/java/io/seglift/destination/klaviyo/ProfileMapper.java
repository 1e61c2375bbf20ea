package io.seglift.destination.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.destination.Member;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a member into a Klaviyo profile resource, or says why it cannot be one. Klaviyo identifies a profile by email,
 * E.164 phone number or external id; a member with none of them usable is rejected before anything is sent.
 */
final class ProfileMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    /** The reason {@code m} cannot be imported, or empty when it can. */
    Optional<String> problem(Member m) {
        boolean email = present(m.identifier(IdentifierType.EMAIL));
        boolean externalId = present(m.identifier(IdentifierType.EXTERNAL_ID));
        String phone = m.identifier(IdentifierType.PHONE);
        boolean phoneOk = present(phone) && E164.matcher(phone.trim()).matches();
        if (email || externalId || phoneOk) return Optional.empty();
        if (present(phone)) return Optional.of("phone number is not in E.164 format (+ and country code) and there is no email or external_id");
        return Optional.of("no email, phone number or external_id to identify the profile");
    }

    /** The profile resource; attributes in a fixed order, so the same member always serialises to the same bytes. */
    ObjectNode profile(Member m) {
        ObjectNode profile = JSON.createObjectNode().put("type", "profile");
        ObjectNode attributes = profile.putObject("attributes");
        put(attributes, "email", m.identifier(IdentifierType.EMAIL));
        String phone = m.identifier(IdentifierType.PHONE);
        if (present(phone) && E164.matcher(phone.trim()).matches()) attributes.put("phone_number", phone.trim());
        put(attributes, "external_id", m.identifier(IdentifierType.EXTERNAL_ID));
        put(attributes, "first_name", m.identifier(IdentifierType.FIRST_NAME));
        put(attributes, "last_name", m.identifier(IdentifierType.LAST_NAME));
        if (!m.attributes().isEmpty()) attributes.set("properties", JSON.valueToTree(new TreeMap<>(m.attributes())));
        return profile;
    }

    /**
     * The keys Klaviyo can match a profile by ({@code email:}, {@code phone:}, {@code external:}), from a profile
     * resource or its attributes, most specific first. Emails compare case-insensitively, as Klaviyo stores them.
     */
    static List<String> identityKeys(JsonNode profileOrAttributes) {
        JsonNode a = profileOrAttributes.has("attributes") ? profileOrAttributes.path("attributes") : profileOrAttributes;
        List<String> keys = new ArrayList<>(3);
        String email = a.path("email").asText("");
        if (!email.isBlank()) keys.add("email:" + email.trim().toLowerCase(Locale.ROOT));
        String phone = a.path("phone_number").asText("");
        if (!phone.isBlank()) keys.add("phone:" + phone.trim());
        String externalId = a.path("external_id").asText("");
        if (!externalId.isBlank()) keys.add("external:" + externalId.trim());
        return keys;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (present(value)) node.put(field, value.trim());
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }
}
