package io.seglift.cli;

/** How a command prints its results on stdout. */
public enum OutputFormat {
    /** Aligned text for people. */
    TEXT,
    /** One JSON document for machines. */
    JSON,
    /** CSV with a header row ({@code seglift sql} only). */
    CSV
}
