package io.seglift.scoring.features;

import io.seglift.config.ModelConfig;
import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Warehouse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The feature group {@code label_table}: the label table's own columns (other than its key and label) as features.
 * <ul>
 *   <li>numeric columns are used as they are;</li>
 *   <li>booleans become 1/0;</li>
 *   <li>text columns whose every non-blank value is a number become numbers (blank is missing);</li>
 *   <li>other text columns with at most {@value #MAX_LEVELS} distinct values are one-hot encoded, one 0/1 feature
 *       {@code <column>__<value>} per value seen at training time (NULL stays missing);</li>
 *   <li>dates, timestamps and text with more levels are skipped and listed in the notes.</li>
 * </ul>
 */
public final class LabelTableColumns {
    /** Most distinct values a text column may have to be one-hot encoded. */
    public static final int MAX_LEVELS = 50;
    static final String NUMBER = "-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?";

    private final Warehouse warehouse;
    private final Dialect d;

    public LabelTableColumns(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.d = warehouse.dialect();
    }

    /** Features for the columns of {@code label}'s table; skipped columns are added to {@code notes}. */
    public List<Feature> features(ModelConfig.LabelColumn label, List<String> notes) {
        List<Column> columns = warehouse.columns(label.table());
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("label table " + label.table() + " does not exist or has no columns");
        }
        List<Feature> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Column col : columns) {
            if (col.name().equalsIgnoreCase(label.key()) || col.name().equalsIgnoreCase(label.column())) {
                continue;
            }
            if (!io.seglift.spi.warehouse.Identifiers.isValid(col.name())) {
                notes.add(col.name() + ": skipped, not a plain identifier");
                continue;
            }
            String ref = "l." + d.quote(col.name());
            String type = col.typeName().toUpperCase(Locale.ROOT);
            if (type.matches(".*(INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL).*")) {
                out.add(new Feature(unique(col.name(), used), "label_table", ref));
            } else if (type.startsWith("BOOL")) {
                out.add(new Feature(unique(col.name(), used), "label_table",
                        "CASE WHEN " + ref + " THEN 1 WHEN NOT " + ref + " THEN 0 END"));
            } else if (type.contains("CHAR") || type.contains("TEXT") || type.contains("STRING")) {
                text(label, col.name(), ref, used, out, notes);
            } else {
                notes.add(col.name() + ": skipped, type " + col.typeName() + " is not used as a feature");
            }
        }
        return out;
    }

    private void text(ModelConfig.LabelColumn label, String name, String ref, Set<String> used, List<Feature> out,
                      List<String> notes) {
        String trimmed = "TRIM(" + d.castText(ref) + ")";
        long nonNumeric = warehouse.queryLong("SELECT COUNT(*) FROM " + d.table(label.table()) + " l WHERE " + trimmed
                + " <> '' AND NOT " + d.regexMatches(trimmed, NUMBER));
        long present = warehouse.queryLong("SELECT COUNT(*) FROM " + d.table(label.table()) + " l WHERE " + trimmed + " <> ''");
        if (nonNumeric == 0 && present > 0) {
            out.add(new Feature(unique(name, used), "label_table",
                    "CASE WHEN " + d.regexMatches(trimmed, NUMBER) + " THEN " + d.castDouble(trimmed) + " END"));
            return;
        }
        List<String> levels = warehouse.queryList("SELECT DISTINCT " + d.castText(ref) + " AS v FROM "
                + d.table(label.table()) + " l WHERE " + ref + " IS NOT NULL ORDER BY 1" + d.limit(MAX_LEVELS + 1),
                List.of(), r -> r.string("v"));
        if (levels.size() > MAX_LEVELS) {
            notes.add(name + ": skipped, more than " + MAX_LEVELS + " distinct values");
            return;
        }
        for (String level : levels) {
            out.add(new Feature(unique(name + "__" + level.replaceAll("[^A-Za-z0-9_]", "_"), used), "label_table",
                    "CASE WHEN " + ref + " IS NULL THEN NULL WHEN " + d.castText(ref) + " = " + d.literal(level)
                            + " THEN 1 ELSE 0 END"));
        }
    }

    private static String unique(String base, Set<String> used) {
        String name = base.length() > 120 ? base.substring(0, 120) : base;
        if (!Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            name = "_" + name;
        }
        String candidate = name;
        for (int i = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }
}
