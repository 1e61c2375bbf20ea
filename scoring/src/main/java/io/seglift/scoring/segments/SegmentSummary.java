package io.seglift.scoring.segments;

import java.util.List;

/**
 * One line of {@code segments list}.
 *
 * @param segment      name
 * @param latest       latest build (null when never built)
 * @param owner        brief owner (null when missing)
 * @param channels     brief channels (destination names)
 * @param syncs        syncs sending the segment
 * @param briefMissing missing parts of the brief
 * @param noCampaign   true when no sync uses the segment or its brief is incomplete
 */
public record SegmentSummary(String segment, BuildSummary latest, String owner, List<String> channels,
                             List<String> syncs, List<String> briefMissing, boolean noCampaign) {
    public SegmentSummary {
        channels = List.copyOf(channels);
        syncs = List.copyOf(syncs);
        briefMissing = List.copyOf(briefMissing);
    }
}
