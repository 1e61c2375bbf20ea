package io.seglift.report;

import io.seglift.measure.BuildPoint;
import io.seglift.measure.CohortLift;
import io.seglift.measure.DecileCalibration;
import io.seglift.measure.GainsPoint;
import io.seglift.measure.LiftState;
import io.seglift.measure.ModelValidity;
import io.seglift.measure.SyncHealth;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** The report's charts, each a self-contained inline SVG. */
final class Charts {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Charts() {
    }

    static String stateColour(LiftState state) {
        return switch (state) {
            case POSITIVE -> Palette.BLUE;
            case NEGATIVE -> Palette.VERMILLION;
            case INCONCLUSIVE -> Palette.ORANGE;
            case WINDOW_NOT_COMPLETE, NOT_ENOUGH_DATA -> Palette.GREY;
        };
    }

    private static void legend(Svg s, double x, double y, String[][] items) {
        double at = x;
        for (String[] item : items) {
            s.raw("<rect x=\"" + Svg.f(at) + "\" y=\"" + Svg.f(y - 9) + "\" width=\"12\" height=\"12\" rx=\"2\" fill=\""
                    + item[0] + "\"/>");
            s.text(at + 17, y + 1, item[1], "start", "lbl");
            at += 30 + item[1].length() * 6.6;
        }
    }

    /** Lift per cohort and pooled: point estimate with its 95% interval, the zero line and the target. */
    static String liftByCohort(List<CohortLift> cohorts, CohortLift pooled, boolean rate, Double target,
                               String targetText) {
        List<CohortLift> rows = new ArrayList<>();
        for (CohortLift c : cohorts) if (c.estimate() != null) rows.add(c);
        if (pooled != null && pooled.estimate() != null) rows.add(pooled);
        if (rows.isEmpty()) return "";
        double lo = 0;
        double hi = 0;
        for (CohortLift c : rows) {
            lo = Math.min(lo, c.estimate().low());
            hi = Math.max(hi, c.estimate().high());
        }
        if (target != null) {
            lo = Math.min(lo, target);
            hi = Math.max(hi, target);
        }
        double[] dom = Svg.nice(lo, hi);
        int rowH = 34;
        Svg s = new Svg(1000, 70 + rowH * rows.size(), 200, 40, 34, 36,
                "Lift by cohort: difference between treated and holdout with 95% range");
        s.xDomain(dom[0], dom[1]);
        String pattern = rate ? ((dom[1] - dom[0]) < 0.06 ? "%+.1f pts" : "%+.0f pts")
                : ((dom[1] - dom[0]) < 6 ? "%+,.1f" : "%+,.0f");
        double factor = rate ? 100 : 1;
        DoubleFunction<String> fmt = v -> Math.abs(v) < 1e-12 ? "0" : String.format(Locale.ROOT, pattern, factor * v);
        s.xAxis(Svg.ticks(dom[0], dom[1], 6), fmt);
        double plotBottom = s.height - s.bottom;
        s.line(s.x(0), s.top - 6, s.x(0), plotBottom, Palette.INK, 1.5, null);
        s.text(s.x(0), s.top - 12, "no effect", "middle", "tick");
        if (target != null) {
            s.line(s.x(target), s.top - 6, s.x(target), plotBottom, Palette.GREEN, 2, "6 4");
            s.text(s.x(target), s.top - 12, "target " + (targetText == null ? "" : targetText), "middle", "lbl target");
        }
        for (int i = 0; i < rows.size(); i++) {
            CohortLift c = rows.get(i);
            boolean isPooled = c.cohort() == null;
            double cy = s.top + rowH * (i + 0.5) + (isPooled ? 6 : 0);
            if (isPooled) s.line(12, cy - rowH / 2.0 - 2, s.width - s.right, cy - rowH / 2.0 - 2, "#9CA3AF", 1, "2 3");
            String colour = stateColour(c.state());
            boolean hollow = c.state() == LiftState.WINDOW_NOT_COMPLETE || c.state() == LiftState.NOT_ENOUGH_DATA;
            String name = isPooled ? "All complete cohorts" : "Cohort " + c.cohort().format(SHORT);
            s.text(s.left - 14, cy - 1, name, "end", isPooled ? "lbl strong" : "lbl");
            s.text(s.left - 14, cy + 12, stateWord(c.state()), "end", "tick");
            double a = s.x(c.estimate().low());
            double b = s.x(c.estimate().high());
            s.mark("rect", "x=\"" + Svg.f(a) + "\" y=\"" + Svg.f(cy - (isPooled ? 4 : 3)) + "\" width=\""
                    + Svg.f(Math.max(1, b - a)) + "\" height=\"" + (isPooled ? 8 : 6) + "\" rx=\"3\" fill=\"" + colour
                    + "\" fill-opacity=\"" + (hollow ? "0.35" : "0.55") + "\"", c.estimate().high() - c.estimate().low(),
                    "95% range " + fmtDiff(rate, c.estimate().low()) + " to " + fmtDiff(rate, c.estimate().high()));
            s.mark("circle", "cx=\"" + Svg.f(s.x(c.estimate().absolute())) + "\" cy=\"" + Svg.f(cy) + "\" r=\""
                    + (isPooled ? 7 : 5.5) + "\" fill=\"" + (hollow ? "#FFFFFF" : colour) + "\" stroke=\"" + colour
                    + "\" stroke-width=\"2\"", c.estimate().absolute(), name + ": " + fmtDiff(rate,
                    c.estimate().absolute()) + " (treated " + c.treatment().n() + ", holdout " + c.holdout().n() + ")");
        }
        return s.toString();
    }

    static String stateWord(LiftState state) {
        return switch (state) {
            case POSITIVE -> "worked";
            case NEGATIVE -> "backfired";
            case INCONCLUSIVE -> "no clear effect";
            case WINDOW_NOT_COMPLETE -> "window still open";
            case NOT_ENOUGH_DATA -> "too few members";
        };
    }

    private static String fmtDiff(boolean rate, double v) {
        return rate ? Html.signedPts(v) : Html.signedMoney(v);
    }

    /** Members and holdout per build. */
    static String sizeOverTime(List<BuildPoint> builds) {
        if (builds.isEmpty()) return "";
        Svg s = new Svg(520, 250, 64, 20, 36, 40, "Segment size and holdout over time");
        double xa = builds.get(0).asOf().toEpochDay();
        double xb = builds.get(builds.size() - 1).asOf().toEpochDay();
        double max = builds.stream().mapToLong(BuildPoint::members).max().orElse(1);
        double[] dom = Svg.nice(0, max);
        s.xDomain(xa - 1, xb + 1).yDomain(0, dom[1]);
        s.yAxis(Svg.ticks(0, dom[1], 4), v -> Html.count((long) v));
        s.xAxis(dateTicks(builds.get(0).asOf(), builds.get(builds.size() - 1).asOf(), 5), v -> LocalDate
                .ofEpochDay((long) v).format(SHORT));
        List<double[]> members = new ArrayList<>();
        List<double[]> holdout = new ArrayList<>();
        for (BuildPoint b : builds) {
            members.add(new double[]{b.asOf().toEpochDay(), b.members()});
            holdout.add(new double[]{b.asOf().toEpochDay(), b.holdout()});
        }
        s.polyline(members, Palette.BLUE, 2.5, null);
        s.polyline(holdout, Palette.ORANGE, 2.5, "5 3");
        for (BuildPoint b : builds) {
            s.mark("circle", "cx=\"" + Svg.f(s.x(b.asOf().toEpochDay())) + "\" cy=\"" + Svg.f(s.y(b.members()))
                    + "\" r=\"3.5\" fill=\"" + Palette.BLUE + "\"", b.members(), b.asOf().format(LONG) + ": "
                    + Html.count(b.members()) + " members");
            s.mark("rect", "x=\"" + Svg.f(s.x(b.asOf().toEpochDay()) - 3) + "\" y=\"" + Svg.f(s.y(b.holdout()) - 3)
                    + "\" width=\"6\" height=\"6\" fill=\"" + Palette.ORANGE + "\"", b.holdout(), b.asOf().format(LONG)
                    + ": " + Html.count(b.holdout()) + " held out");
        }
        legend(s, s.left, 18, new String[][]{{Palette.BLUE, "members"}, {Palette.ORANGE, "held out (never sent)"}});
        return s.toString();
    }

    private static List<Double> dateTicks(LocalDate from, LocalDate to, int n) {
        long span = Math.max(1, to.toEpochDay() - from.toEpochDay());
        long step = Math.max(1, Math.round(span / (double) n / 7.0) * 7);
        if (span < 14) step = Math.max(1, span / n);
        List<Double> out = new ArrayList<>();
        for (long d = from.toEpochDay(); d <= to.toEpochDay(); d += step) out.add((double) d);
        return out;
    }

    /** Share of members that changed per build, with the flag line at {@code flagAbove}. */
    static String stability(List<BuildPoint> builds, double flagAbove) {
        List<BuildPoint> changes = builds.size() > 1 ? builds.subList(1, builds.size()) : List.of();
        if (changes.isEmpty()) return "";
        Svg s = new Svg(520, 250, 56, 20, 36, 40, "Membership change per build (entered + exited, share of previous build)");
        double max = Math.max(flagAbove * 1.4, changes.stream().mapToDouble(BuildPoint::changeRatio).max().orElse(0));
        double[] dom = Svg.nice(0, max);
        s.xDomain(0, changes.size()).yDomain(0, dom[1]);
        s.yAxis(Svg.ticks(0, dom[1], 4), v -> String.format(Locale.ROOT, "%.0f%%", 100 * v));
        double band = (s.width - s.left - s.right) / (double) changes.size();
        for (int i = 0; i < changes.size(); i++) {
            BuildPoint b = changes.get(i);
            double x = s.x(i) + band * 0.18;
            double y = s.y(b.changeRatio());
            String colour = b.flagged() ? Palette.VERMILLION : Palette.SKY;
            s.mark("rect", "x=\"" + Svg.f(x) + "\" y=\"" + Svg.f(y) + "\" width=\"" + Svg.f(band * 0.64)
                    + "\" height=\"" + Svg.f(s.y(0) - y) + "\" rx=\"2\" fill=\"" + colour + "\"", b.changeRatio(),
                    b.asOf().format(LONG) + ": " + Html.count(b.entered()) + " entered, " + Html.count(b.exited())
                            + " exited, " + Html.count(b.stayed()) + " stayed (" + Html.pct(b.changeRatio(), 0) + ")");
            if (changes.size() <= 12 || i % 2 == 0) {
                s.text(x + band * 0.32, s.height - s.bottom + 18, b.asOf().format(SHORT), "middle", "tick");
            }
        }
        s.line(s.left, s.height - s.bottom, s.width - s.right, s.height - s.bottom, "#9CA3AF", 1, null);
        s.line(s.left, s.y(flagAbove), s.width - s.right, s.y(flagAbove), Palette.VERMILLION, 1.5, "6 4");
        legend(s, s.left, 18, new String[][]{{Palette.SKY, "normal churn"}, {Palette.VERMILLION, "unstable build"}});
        // the flag line's key sits in the legend row: beside the line it would cover a tall bar at the right
        String flag = "flag above " + Html.pct(flagAbove, 0);
        double key = s.width - s.right - flag.length() * 6.6 - 24;
        s.line(key, 14, key + 18, 14, Palette.VERMILLION, 1.5, "6 4");
        s.text(key + 24, 19, flag, "start", "lbl warn");
        return s.toString();
    }

    /** Cumulative gains: share of outcomes reached by contacting the top deciles first. */
    static String gains(ModelValidity m) {
        if (m.gains().isEmpty()) return "";
        Svg s = new Svg(360, 300, 52, 20, 36, 44, "Cumulative gains of " + m.modelName());
        s.xDomain(0, 1).yDomain(0, 1);
        DoubleFunction<String> pct = v -> String.format(Locale.ROOT, "%.0f%%", 100 * v);
        s.yAxis(Svg.ticks(0, 1, 4), pct);
        s.xAxis(Svg.ticks(0, 1, 4), pct);
        s.line(s.x(0), s.y(0), s.x(1), s.y(1), Palette.GREY, 1.5, "5 4");
        s.text(s.x(0.62), s.y(0.52), "random", "middle", "tick");
        List<double[]> pts = new ArrayList<>();
        for (GainsPoint g : m.gains()) pts.add(new double[]{g.population(), g.captured()});
        s.polyline(pts, Palette.BLUE, 2.5, null);
        for (GainsPoint g : m.gains()) {
            if (g.topDeciles() == 0) continue;
            s.mark("circle", "cx=\"" + Svg.f(s.x(g.population())) + "\" cy=\"" + Svg.f(s.y(g.captured()))
                    + "\" r=\"3.5\" fill=\"" + Palette.BLUE + "\"", g.captured(), "top " + g.topDeciles()
                    + " decile(s): " + Html.pct(g.population(), 0) + " of members reach " + Html.pct(g.captured(), 0)
                    + " of outcomes");
        }
        s.text(s.left + (s.width - s.left - s.right) / 2.0, s.height - 6, "members contacted (highest scores first)",
                "middle", "tick");
        s.text(s.left, 18, "share of outcomes reached", "start", "lbl");
        return s.toString();
    }

    /** Predicted against observed per decile, with the range the observed rate should fall in. */
    static String calibration(ModelValidity m) {
        if (m.deciles().isEmpty()) return "";
        double max = 0;
        for (DecileCalibration c : m.deciles()) max = Math.max(max, Math.max(c.high(), c.observed()));
        double[] dom = Svg.nice(0, Math.min(1, max));
        Svg s = new Svg(360, 300, 52, 20, 36, 44, "Calibration of " + m.modelName());
        s.xDomain(0, dom[1]).yDomain(0, dom[1]);
        DoubleFunction<String> pct = v -> String.format(Locale.ROOT, "%.0f%%", 100 * v);
        s.yAxis(Svg.ticks(0, dom[1], 4), pct);
        s.xAxis(Svg.ticks(0, dom[1], 4), pct);
        s.line(s.x(0), s.y(0), s.x(dom[1]), s.y(dom[1]), Palette.GREY, 1.5, "5 4");
        for (DecileCalibration c : m.deciles()) {
            double x = s.x(c.predicted());
            s.line(x, s.y(c.low()), x, s.y(c.high()), "#B8C4D0", 5, null);
            String colour = c.outside() ? Palette.VERMILLION : Palette.BLUE;
            s.mark("circle", "cx=\"" + Svg.f(x) + "\" cy=\"" + Svg.f(s.y(c.observed())) + "\" r=\"4.5\" fill=\""
                    + colour + "\"", c.observed(), "decile " + c.decile() + ": predicted " + Html.pct(c.predicted(), 1)
                    + ", observed " + Html.pct(c.observed(), 1) + " (" + Html.count(c.n()) + " members)");
        }
        s.text(s.left + (s.width - s.left - s.right) / 2.0, s.height - 6, "predicted (mean score per decile)",
                "middle", "tick");
        s.text(s.left, 18, "observed", "start", "lbl");
        return s.toString();
    }

    /** Rejected and retried rows per run, failed runs marked. */
    static String syncRuns(SyncHealth h) {
        if (h.recent().isEmpty()) return "";
        Svg s = new Svg(520, 200, 48, 20, 34, 36, "Rejected and retried rows per run of " + h.syncName());
        long max = 1;
        for (SyncHealth.Run r : h.recent()) max = Math.max(max, Math.max(r.rejected(), r.retried()));
        double[] dom = Svg.nice(0, Math.max(4, max));
        s.xDomain(0, h.recent().size()).yDomain(0, dom[1]);
        s.yAxis(Svg.ticks(0, dom[1], 3).stream().filter(t -> t == Math.rint(t)).toList(), v -> Html.count((long) v));
        boolean clean = h.recent().stream().allMatch(r -> r.rejected() == 0 && r.retried() == 0);
        if (clean) s.text(s.width / 2.0, s.y(dom[1] / 2), "no rejected or retried rows", "middle", "lbl");
        double band = (s.width - s.left - s.right) / (double) h.recent().size();
        for (int i = 0; i < h.recent().size(); i++) {
            SyncHealth.Run r = h.recent().get(i);
            double x = s.x(i);
            double w = band * 0.36;
            String when = r.startedAt() == null ? r.runId() : r.startedAt().toString().replace('T', ' ').substring(0, 16);
            s.mark("rect", "x=\"" + Svg.f(x + band * 0.12) + "\" y=\"" + Svg.f(s.y(r.rejected())) + "\" width=\""
                    + Svg.f(w) + "\" height=\"" + Svg.f(s.y(0) - s.y(r.rejected())) + "\" fill=\"" + Palette.VERMILLION
                    + "\"", r.rejected(), when + ": " + r.rejected() + " rejected");
            s.mark("rect", "x=\"" + Svg.f(x + band * 0.12 + w) + "\" y=\"" + Svg.f(s.y(r.retried())) + "\" width=\""
                    + Svg.f(w) + "\" height=\"" + Svg.f(s.y(0) - s.y(r.retried())) + "\" fill=\"" + Palette.SKY + "\"",
                    r.retried(), when + ": " + r.retried() + " retried");
            if (SyncHealth.troubled(r.status())) {
                s.text(x + band / 2, s.top + 2, "✕", "middle", "fail");
            }
            if (i == 0 || i == h.recent().size() - 1 || i % Math.max(1, h.recent().size() / 5) == 0) {
                if (r.startedAt() != null) {
                    s.text(x + band / 2, s.height - s.bottom + 16, r.startedAt().atZone(java.time.ZoneOffset.UTC)
                            .toLocalDate().format(SHORT), "middle", "tick");
                }
            }
        }
        s.line(s.left, s.y(0), s.width - s.right, s.y(0), "#9CA3AF", 1, null);
        legend(s, s.left, 16, new String[][]{{Palette.VERMILLION, "rejected"}, {Palette.SKY, "retried"},
                {"#FFFFFF", "✕ failed run"}});
        return s.toString();
    }

}
