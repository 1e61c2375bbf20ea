package io.seglift.destination.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the rows an import error belongs to. The spec's import error
 * ({@code components.schemas.ImportErrorResponseObjectResource}, served by
 * {@code GET /api/profile-bulk-import-jobs/{id}/import-errors}) carries {@code original_payload}, the profile as it
 * was sent, and {@code source.pointer} into the request. The payload decides; the pointer only picks among sent
 * profiles with the same identifiers, and is used alone when the payload is absent ({@code nullable: true}).
 */
final class ImportErrorMatcher {
    private static final Pattern PROFILE_POINTER = Pattern.compile("^/data/attributes/profiles/data/(\\d+)(/|$)");

    private final IdentityIndex index;
    private final int sent;

    ImportErrorMatcher(IdentityIndex index, int sent) {
        this.index = index;
        this.sent = sent;
    }

    /** Positions of the sent profiles this import error is about; empty when neither payload nor pointer tell. */
    List<Integer> positions(JsonNode importError) {
        JsonNode attributes = importError.path("attributes");
        List<Integer> byPayload = index.positionsOf(attributes.path("original_payload"));
        OptionalInt byPointer = pointer(attributes.path("source").path("pointer").asText(""));
        if (byPayload.isEmpty()) {
            return byPointer.isPresent() ? List.of(byPointer.getAsInt()) : List.of();
        }
        if (byPointer.isPresent() && byPayload.contains(byPointer.getAsInt())) return List.of(byPointer.getAsInt());
        return byPayload;
    }

    /** The row's reason, naming Klaviyo's code and title only (its detail can echo the profile's data). */
    static String reason(JsonNode importError) {
        JsonNode a = importError.path("attributes");
        return "Klaviyo rejected the profile: " + a.path("code").asText("invalid") + " ("
                + a.path("title").asText("invalid input") + ")";
    }

    private OptionalInt pointer(String pointer) {
        Matcher m = PROFILE_POINTER.matcher(pointer);
        if (!m.find()) return OptionalInt.empty();
        try {
            int i = Integer.parseInt(m.group(1));
            return i < sent ? OptionalInt.of(i) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
