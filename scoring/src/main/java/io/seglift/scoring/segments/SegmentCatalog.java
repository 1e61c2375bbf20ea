package io.seglift.scoring.segments;

import io.seglift.config.SegliftTables;
import io.seglift.config.ActivationBrief;
import io.seglift.config.CustomersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SegmentConfig;
import io.seglift.config.SyncConfig;
import io.seglift.spi.warehouse.Column;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Read-only views of segments for the CLI: list, builds and samples. */
public final class SegmentCatalog {
    /** Shown instead of a personal identifier's value. */
    public static final String MASK = "***";

    private final Warehouse w;
    private final Dialect d;
    private final ProjectConfig project;

    public SegmentCatalog(Warehouse warehouse, ProjectConfig project) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.project = project;
    }

    private String t(String table) {
        return d.table(w.own(table));
    }

    /** Every configured segment with its latest build, owner, channels and syncs. */
    public List<SegmentSummary> list() {
        List<SegmentSummary> out = new ArrayList<>();
        for (SegmentConfig s : project.segments().values()) {
            List<String> syncs = project.syncsOf(s.name()).stream().map(SyncConfig::name).toList();
            List<String> missing = s.briefProblems();
            out.add(new SegmentSummary(s.name(), builds(s.name(), 1).stream().findFirst().orElse(null),
                    s.brief().flatMap(ActivationBrief::owner).orElse(null),
                    s.brief().map(ActivationBrief::channel).orElse(List.of()), syncs, missing,
                    syncs.isEmpty() || !missing.isEmpty()));
        }
        return out;
    }

    /** The latest {@code limit} builds of a segment, newest first. */
    public List<BuildSummary> builds(String segment, int limit) {
        return w.queryList("SELECT build_id, segment, as_of, built_at, members, holdout, entered, exited, stayed,"
                + " change_ratio, flagged FROM " + t(SegliftTables.SEGMENT_BUILDS) + " WHERE segment = ? ORDER BY as_of DESC,"
                + " built_at DESC" + d.limit(limit), List.of(segment), r -> new BuildSummary(r.string("build_id"),
                r.string("segment"), r.date("as_of"), r.timestamp("built_at"), r.longValue("members"),
                r.longValue("holdout"), r.longValue("entered"), r.longValue("exited"), r.longValue("stayed"),
                r.doubleValue("change_ratio"), Boolean.TRUE.equals(r.bool("flagged"))));
    }

    /** The as-of date of the segment's latest build. */
    public Optional<LocalDate> latestAsOf(String segment) {
        return w.queryOne("SELECT MAX(as_of) AS as_of FROM " + t(SegliftTables.SEGMENT_BUILDS) + " WHERE segment = ?",
                List.of(segment), r -> r.date("as_of"));
    }

    /**
     * Profile columns the segment's rule, description or hypothesis mention (whole words, any case), in profile order.
     */
    public List<String> referencedFields(SegmentConfig s) {
        String text = (s.rule() + " " + s.description().orElse("") + " "
                + s.brief().flatMap(ActivationBrief::hypothesis).orElse("")).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String col : profileColumns()) {
            if (Pattern.compile("\\b" + Pattern.quote(col.toLowerCase(Locale.ROOT)) + "\\b").matcher(text).find()) {
                out.add(col);
            }
        }
        return out;
    }

    private List<String> profileColumns() {
        Set<String> cols = new LinkedHashSet<>();
        for (Column c : w.columns(project.sources().customers().table())) {
            cols.add(c.name());
        }
        cols.addAll(ProfileView.RFM_COLUMNS);
        for (String model : project.scoring().models().keySet()) {
            cols.add(model);
            cols.add(model + "_decile");
        }
        return new ArrayList<>(cols);
    }

    /** True for columns holding personal identifiers: configured non-external identifiers, or named like email/phone. */
    public boolean isPersonal(String column) {
        CustomersSource c = project.sources().customers();
        boolean configured = c.identifiers().entrySet().stream()
                .anyMatch(e -> e.getKey().isPersonal() && e.getValue().equalsIgnoreCase(column));
        String lower = column.toLowerCase(Locale.ROOT);
        return configured || lower.contains("email") || lower.contains("phone") || lower.contains("mobile");
    }

    /**
     * {@code n} members of the latest build (or {@code asOf}), ordered by {@code md5(seed || key)}: the same seed gives
     * the same sample.
     */
    public SegmentSample sample(SegmentConfig s, int n, String seed, Optional<LocalDate> asOf) {
        LocalDate day = asOf.or(() -> latestAsOf(s.name())).orElseThrow(() -> new IllegalStateException(
                "segment '" + s.name() + "' has not been built (run: seglift segments build " + s.name() + ")"));
        List<String> fields = referencedFields(s);
        List<String> masked = fields.stream().filter(this::isPersonal).toList();
        StringBuilder select = new StringBuilder("SELECT m.customer_key, m.arm");
        for (String f : fields) {
            select.append(", p.").append(d.quote(f));
        }
        String sql = select + " FROM " + t(SegliftTables.SEGMENT_MEMBERS) + " m JOIN (" + ProfileView.sql(project, d, day) + ") p ON p."
                + ProfileView.KEY + " = m.customer_key WHERE m.as_of = " + d.dateLiteral(day) + " AND m.segment = "
                + d.literal(s.name()) + " ORDER BY " + d.md5Hex(d.concat(d.literal(seed), "m.customer_key"))
                + ", m.customer_key" + d.limit(n);
        List<Map<String, String>> rows = w.queryList(sql, List.of(), r -> row(r, fields, masked));
        List<String> columns = new ArrayList<>(List.of("customer_key", "arm"));
        columns.addAll(fields);
        return new SegmentSample(s.name(), day, columns, masked, rows);
    }

    private static Map<String, String> row(Row r, List<String> fields, List<String> masked) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("customer_key", r.string("customer_key"));
        m.put("arm", r.string("arm"));
        for (int i = 0; i < fields.size(); i++) {
            Object v = r.get(i + 2);
            String f = fields.get(i);
            m.put(f, v == null ? null : masked.contains(f) ? MASK : v.toString());
        }
        return m;
    }
}
