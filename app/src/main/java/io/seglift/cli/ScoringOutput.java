package io.seglift.cli;

import io.seglift.config.SegliftTables;
import io.seglift.config.ProjectConfig;
import io.seglift.scoring.data.Customers;
import io.seglift.scoring.rfm.RfmResult;
import io.seglift.scoring.rfm.RfmScorer;
import io.seglift.spi.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers shared by the scoring commands: plain-text tables and the default as-of date. */
final class ScoringOutput {
    private ScoringOutput() {
    }

    /** Left-aligned columns separated by two spaces, with a header row. */
    static String table(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], String.valueOf(row.get(i)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String v = String.valueOf(row.get(i));
                line.append(i == row.size() - 1 ? v : String.format(java.util.Locale.ROOT, "%-" + width[i] + "s  ", v));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    static RfmScorer rfm(Warehouse w, ProjectConfig project, Session session) {
        try {
            return new RfmScorer(w, project.sources().orders(), project.scoring().rfm(), session.clock());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID, e.getMessage(), e);
        }
    }

    /**
     * The given date, else {@link RfmScorer#defaultAsOf()} (the day after the latest purchase up to today), noting on
     * stderr the orders dated after today it leaves out; fails when there are no purchases.
     */
    static LocalDate asOfOrDefault(LocalDate given, RfmScorer scorer) {
        if (given != null) return given;
        LocalDate day = scorer.defaultAsOf().orElseThrow(() -> new CliException(ExitCode.NOT_READY,
                "sources.orders has no purchases to score up to today (check sources.orders, its rules and its dates),"
                        + " or pass --as-of DATE"));
        long future = scorer.ordersAfterToday();
        if (future > 0) {
            System.err.println("note: " + future + (future == 1 ? " order row dated after " : " order rows dated after ")
                    + scorer.today() + " (today) left out of the default as-of " + day
                    + " (seglift audit counts them; pass --as-of DATE to choose the date)");
        }
        return day;
    }

    /** Notes on stderr the customers rows left out because an earlier row has the same key. */
    static void noteDuplicateCustomers(Warehouse w, ProjectConfig project) {
        long n = new Customers(project.sources().customers(), w.dialect()).duplicateRows(w);
        if (n > 0) {
            System.err.println("note: " + n + " customers rows share a key with an earlier row and are left out"
                    + " (one row per key is used; see seglift audit and docs/scoring.md)");
        }
    }

    /** Scores RFM for {@code asOf}, turning invalid segment maps into INVALID. */
    static RfmResult scoreRfm(RfmScorer scorer, LocalDate asOf, Session session) {
        session.progress().start("RFM as of " + asOf, 0);
        try {
            RfmResult r = scorer.score(asOf);
            session.progress().finish("RFM as of " + asOf + ": " + r.customers() + " customers in "
                    + r.elapsed().toMillis() + " ms");
            return r;
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID, e.getMessage(), e);
        }
    }

    static Optional<LocalDate> latestRfmAsOf(Warehouse w) {
        return w.queryOne("SELECT MAX(as_of) AS as_of FROM " + w.dialect().table(w.own(SegliftTables.RFM_SCORES)), List.of(),
                r -> r.date("as_of"));
    }
}
