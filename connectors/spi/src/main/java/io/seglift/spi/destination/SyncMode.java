package io.seglift.spi.destination;

/** How a sync treats its segment in the destination. */
public enum SyncMode {
    /** Add members who entered the segment, remove members who left. */
    MIRROR,
    /** Add members who entered; never remove. */
    ADD_ONLY,
    /** Add members and write mapped attributes (segment, RFM segment, propensity decile) onto their records. */
    UPSERT;

    /** The YAML spelling: {@code mirror}, {@code add-only}, {@code upsert}. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static SyncMode fromYaml(String text) {
        for (SyncMode m : values()) {
            if (m.yamlName().equals(text)) return m;
        }
        throw new IllegalArgumentException("unknown mode '" + text + "' (allowed: mirror, add-only, upsert)");
    }
}
