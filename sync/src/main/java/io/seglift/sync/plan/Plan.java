package io.seglift.sync.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a run will do: the diff between the latest segment build (minus exclusions) and the sync's committed state.
 *
 * @param segmentAsOf date of the segment build used
 * @param members     members of that build (treatment and holdout)
 * @param audience    members the destination audience holds before the run (committed state, status synced)
 * @param adds        members to add
 * @param removes     members to remove: leavers (mirror mode) and members now in a holdout (every mode)
 * @param updates     members whose mapped fields changed (upsert mode)
 * @param unchanged   members to send that are already in the committed state unchanged
 * @param exclusions  members not sent, by reason
 * @param samples     up to five customer keys per operation ({@code add}, {@code remove}, {@code update})
 */
public record Plan(LocalDate segmentAsOf, long members, long audience, long adds, long removes, long updates, long unchanged,
                   Map<Exclusion, Long> exclusions, Map<String, List<String>> samples) {
    public Plan {
        exclusions = Map.copyOf(exclusions);
        samples = Map.copyOf(samples);
    }

    public long planned() {
        return adds + removes + updates;
    }

    public long excluded(Exclusion e) {
        return exclusions.getOrDefault(e, 0L);
    }
}
