package io.seglift.config;

import java.util.List;

/**
 * {@code scoring.rfm}.
 *
 * @param bins       score bins (default 5: quintiles)
 * @param segmentMap named segments in priority order: the first rule that matches names the customer. Empty means the
 *                   conventional map (Champions ... Lost).
 */
public record RfmConfig(int bins, List<RfmSegmentRule> segmentMap) {
    public RfmConfig {
        segmentMap = List.copyOf(segmentMap);
    }

    public static RfmConfig defaults() {
        return new RfmConfig(5, List.of());
    }

    /** One entry of the map: a name and a SQL boolean over {@code r_score}, {@code f_score}, {@code m_score}. */
    public record RfmSegmentRule(String name, String rule) {
    }
}
