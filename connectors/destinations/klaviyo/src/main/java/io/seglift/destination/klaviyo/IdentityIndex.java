package io.seglift.destination.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Positions of the profiles one import request sent, by the identifiers Klaviyo matches profiles on, so that what
 * Klaviyo hands back (an import error's {@code original_payload}, a profile of the job) finds its rows again.
 */
final class IdentityIndex {
    private final Map<String, List<Integer>> positions = new HashMap<>();

    IdentityIndex(List<? extends JsonNode> sentProfiles) {
        for (int i = 0; i < sentProfiles.size(); i++) {
            for (String key : ProfileMapper.identityKeys(sentProfiles.get(i))) {
                positions.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
    }

    /** Positions of the sent profiles {@code profile} is (by its most specific identifier that was sent); may be empty. */
    List<Integer> positionsOf(JsonNode profile) {
        if (profile == null || profile.isNull() || profile.isMissingNode()) return List.of();
        for (String key : ProfileMapper.identityKeys(profile)) {
            List<Integer> found = positions.get(key);
            if (found != null) return found;
        }
        return List.of();
    }
}
