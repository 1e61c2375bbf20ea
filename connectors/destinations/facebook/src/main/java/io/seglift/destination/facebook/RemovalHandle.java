package io.seglift.destination.facebook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Meta needs to remove a member later without the warehouse row: the normalised SHA-256 hashes of the member's
 * email and phone as uploaded, encoded compactly as {@code EMAIL:<hash>,PHONE:<hash>}. Hashes only: the engine stores
 * this in {@code sync_state} and hands it back as {@code Member.destinationId()}, so a member whose customer row was
 * erased, or whose email changed, is removed by what was uploaded. Meta removes users by the same schema and hashed
 * values that added them (https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users/#Deleting).
 */
final class RemovalHandle {
    private static final List<MatchKey> KEYS = List.of(MatchKey.EMAIL, MatchKey.PHONE);
    private static final Pattern PART = Pattern.compile("^(EMAIL|PHONE):[0-9a-f]{64}$");

    private RemovalHandle() {
    }

    /** The handle of an uploaded row, or {@code null} when it has neither a hashed email nor phone. */
    static String of(HashedRow row) {
        StringBuilder b = new StringBuilder();
        for (MatchKey k : KEYS) {
            String hash = row.values().get(k);
            if (hash == null) continue;
            if (b.length() > 0) b.append(',');
            b.append(k.name()).append(':').append(hash);
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** The row a stored handle removes; empty when {@code handle} is absent or not a handle this class wrote. */
    static Optional<HashedRow> parse(String memberKey, String handle) {
        if (handle == null || handle.isBlank()) return Optional.empty();
        Map<MatchKey, String> values = new EnumMap<>(MatchKey.class);
        for (String part : handle.trim().split(",")) {
            if (!PART.matcher(part).matches()) return Optional.empty();
            int colon = part.indexOf(':');
            values.put(MatchKey.valueOf(part.substring(0, colon)), part.substring(colon + 1));
        }
        return Optional.of(new HashedRow(memberKey, values));
    }
}
