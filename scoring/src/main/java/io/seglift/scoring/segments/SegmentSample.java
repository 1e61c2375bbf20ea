package io.seglift.scoring.segments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A deterministic sample of a segment's members with the profile fields its rule and brief refer to.
 *
 * @param segment segment name
 * @param asOf    the build date sampled
 * @param columns column names in display order ({@code customer_key}, {@code arm}, then fields)
 * @param masked  columns whose values were masked (personal identifiers)
 * @param rows    the rows, values as text ({@link SegmentCatalog#MASK} for masked non-null values)
 */
public record SegmentSample(String segment, LocalDate asOf, List<String> columns, List<String> masked,
                            List<Map<String, String>> rows) {
    public SegmentSample {
        columns = List.copyOf(columns);
        masked = List.copyOf(masked);
        rows = List.copyOf(rows);
    }
}
