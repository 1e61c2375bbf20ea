package io.seglift.report;

import io.seglift.config.SegmentStability;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seglift.measure.BuildPoint;
import io.seglift.measure.CohortLift;
import io.seglift.measure.LiftEstimate;
import io.seglift.measure.LiftState;
import io.seglift.measure.MeasurementReport;
import io.seglift.measure.ModelValidity;
import io.seglift.measure.Power;
import io.seglift.measure.SegmentMeasurement;
import io.seglift.measure.SyncHealth;

import java.util.List;
import java.util.Map;

/** Renders a {@link MeasurementReport} as one self-contained HTML page: no scripts, no external resources. */
public final class HtmlReport {
    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;background:#F4F6F8;color:#1F2937;font:15px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
            header{background:#14324A;color:#fff;padding:28px 40px 24px}
            header h1{margin:0 0 4px;font-size:26px;font-weight:600}
            header p{margin:0;color:#C9D6E2;font-size:14px}
            main{max-width:1180px;margin:0 auto;padding:24px 32px 60px}
            h2{font-size:21px;margin:36px 0 12px;font-weight:600}
            h3{font-size:15px;margin:18px 0 8px;color:#374151;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
            .card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:22px 26px;margin:16px 0}
            .summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:14px}
            .tile{background:#fff;border-radius:10px;padding:16px 18px;box-shadow:0 1px 3px rgba(0,0,0,.08);border-top:5px solid #7A7A7A}
            .tile .name{font-weight:600;font-size:16px}
            .tile .big{font-size:26px;font-weight:700;margin:6px 0 0}
            .tile .sub{color:#4B5563;font-size:13px}
            .badge{display:inline-block;padding:2px 10px;border-radius:999px;font-size:12px;font-weight:600;color:#fff;vertical-align:middle}
            .verdict{font-size:17px;line-height:1.55;margin:8px 0 14px;padding:12px 16px;border-left:5px solid #7A7A7A;background:#F9FAFB;border-radius:4px}
            .grid2{display:grid;grid-template-columns:1fr 1fr;gap:20px}
            @media(max-width:900px){.grid2{grid-template-columns:1fr}}
            dl.brief{display:grid;grid-template-columns:150px 1fr;gap:4px 14px;margin:0}
            dl.brief dt{color:#6B7280}
            dl.brief dd{margin:0}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{text-align:right;padding:6px 8px;border-bottom:1px solid #E5E7EB;white-space:nowrap}
            th{white-space:normal;vertical-align:bottom}
            .scroll{overflow-x:auto}
            th{color:#6B7280;font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.03em}
            th:first-child,td:first-child{text-align:left}
            tr.pooled td{font-weight:700;border-top:2px solid #9CA3AF}
            .kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:10px;margin:10px 0 6px}
            .kpi{background:#F9FAFB;border-radius:8px;padding:10px 12px}
            .kpi .v{font-size:20px;font-weight:700}
            .kpi .l{font-size:12px;color:#6B7280}
            .note{color:#6B7280;font-size:13px}
            .warn-box{background:#FDF1E8;border-left:5px solid #D55E00;padding:10px 14px;border-radius:4px;margin:10px 0}
            .ok-box{background:#E8F4FA;border-left:5px solid #0072B2;padding:10px 14px;border-radius:4px;margin:10px 0}
            svg.chart{max-width:100%;height:auto;font-family:inherit}
            svg .tick{font-size:11px;fill:#4B5563}
            svg .lbl{font-size:12px;fill:#1F2937}
            svg .strong{font-weight:700}
            svg .target{fill:#00785A;font-weight:600}
            svg .warn{fill:#B34700;font-weight:600}
            svg .fail{font-size:13px;fill:#D55E00;font-weight:700}
            details pre{background:#F3F4F6;padding:12px;border-radius:6px;overflow:auto;font-size:12px}
            footer{color:#6B7280;font-size:12px;text-align:center;padding:20px}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    public String render(MeasurementReport r) {
        StringBuilder b = new StringBuilder(64_000);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(r.project())).append(" – Seglift report</title><style>")
                .append(CSS).append("</style></head><body>\n");
        b.append("<header><h1>").append(Html.esc(r.project())).append(": did our segments work?</h1><p>")
                .append("Outcomes known up to <strong>").append(r.asOf()).append("</strong> (")
                .append(Html.esc(r.asOfRule())).append(") · generated ")
                .append(r.generatedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z").replace("Z", " UTC"))
                .append(" by Seglift</p></header>\n<main>\n");
        summary(b, r);
        for (SegmentMeasurement s : r.segments()) segment(b, s);
        models(b, r.models());
        syncs(b, r.syncs());
        audit(b, r);
        b.append("<h2>How to read this report</h2><div class=\"card note\">")
                .append("Every segment keeps a random <strong>holdout</strong>: members who qualify but are never sent. ")
                .append("The difference between treated and holdout members is what the campaign caused. ")
                .append("The coloured bar is the 95% range of that difference: if it does not cross zero the effect is real; ")
                .append("if it does, the data cannot tell the campaign apart from chance yet. Cohorts are members who ")
                .append("first joined the segment on the same day; a cohort is only judged once its full measurement window ")
                .append("has passed. Rates use the Newcombe interval and a two-proportion test; revenue uses Welch's t. ")
                .append("All members assigned are counted (intention to treat), so the effect is per member of the segment, ")
                .append("including those a destination could not reach.</div>\n");
        b.append("</main><footer>Seglift · self-contained report: no network needed, charts drawn as inline SVG")
                .append("</footer></body></html>\n");
        return b.toString();
    }

    private static String stateLabel(LiftState s) {
        return switch (s) {
            case POSITIVE -> "Worked";
            case NEGATIVE -> "Backfired";
            case INCONCLUSIVE -> "No clear effect";
            case WINDOW_NOT_COMPLETE -> "Window still open";
            case NOT_ENOUGH_DATA -> "Too early";
        };
    }

    private static String badge(LiftState s) {
        return "<span class=\"badge\" style=\"background:" + Charts.stateColour(s) + "\">" + stateLabel(s) + "</span>";
    }

    private static boolean isRate(SegmentMeasurement s) {
        return !"revenue".equals(s.brief().outcome());
    }

    private void summary(StringBuilder b, MeasurementReport r) {
        b.append("<h2>At a glance</h2><div class=\"summary\">");
        for (SegmentMeasurement s : r.segments()) {
            CohortLift p = s.pooled();
            String colour = p == null ? Palette.LIGHT : Charts.stateColour(p.state());
            b.append("<a href=\"#seg-").append(Html.esc(s.segment())).append("\" style=\"text-decoration:none;color:inherit\">")
                    .append("<div class=\"tile\" style=\"border-top-color:").append(colour).append("\"><div class=\"name\">")
                    .append(Html.esc(s.segment())).append("</div>");
            if (p == null) {
                b.append("<div class=\"big\" style=\"color:#9CA3AF\">–</div><div class=\"sub\">")
                        .append(s.activation().activated() ? "no cohorts yet" : "never sent: not measured").append("</div>");
            } else {
                LiftEstimate e = p.estimate();
                boolean rate = isRate(s);
                b.append("<div class=\"big\" style=\"color:").append(Charts.stateColour(p.state())).append("\">")
                        .append(e == null ? "–" : rate ? Html.signedPts(e.absolute()) : Html.signedMoney(e.absolute()))
                        .append("</div><div class=\"sub\">").append(badge(p.state())).append(" ")
                        .append(Html.esc(s.brief().metric() == null ? "" : s.brief().metric()));
                if (e != null) {
                    b.append("<br>95% range ").append(rate ? Html.signedPts(e.low()) : Html.signedMoney(e.low()))
                            .append(" to ").append(rate ? Html.signedPts(e.high()) : Html.signedMoney(e.high()));
                }
                b.append("</div>");
            }
            b.append("</div></a>");
        }
        b.append("</div>\n");
    }

    private void segment(StringBuilder b, SegmentMeasurement s) {
        boolean rate = isRate(s);
        CohortLift p = s.pooled();
        String colour = p == null ? Palette.GREY : Charts.stateColour(p.state());
        b.append("<h2 id=\"seg-").append(Html.esc(s.segment())).append("\">Segment: ").append(Html.esc(s.segment()))
                .append(p == null ? "" : " " + badge(p.state())).append("</h2><div class=\"card\">");
        b.append("<div class=\"verdict\" style=\"border-left-color:").append(colour).append("\">")
                .append(Html.esc(s.verdict())).append("</div>");
        b.append("<div class=\"grid2\"><div><h3>The brief</h3><dl class=\"brief\">");
        dd(b, "Hypothesis", s.brief().hypothesis());
        dd(b, "Success metric", s.brief().metric() == null ? null : s.brief().metric() + " (" + s.brief().outcome()
                + (s.brief().windowDays() == null ? "" : " within " + s.brief().windowDays() + " days") + ")");
        dd(b, "Target", s.brief().target());
        dd(b, "Owner", s.brief().owner());
        dd(b, "Channel", s.brief().channels().isEmpty() ? null : String.join(", ", s.brief().channels()));
        dd(b, "Holdout", Html.pct(s.holdoutFraction(), 0) + " of members, never sent");
        dd(b, "Description", s.description());
        dd(b, "Sent", !s.activation().activated() ? "never" : s.activation().runs() + " sync run"
                + (s.activation().runs() == 1 ? "" : "s") + (s.activation().firstSync() == null ? "" : ", first "
                + s.activation().firstSync().toString().substring(0, 10) + ", latest "
                + s.activation().lastSync().toString().substring(0, 10)));
        b.append("</dl></div><div>");
        if (p != null && p.estimate() != null) kpis(b, p, rate);
        b.append("</div></div>");
        if (p != null) {
            b.append("<h3>Lift by cohort</h3>");
            b.append(Charts.liftByCohort(s.cohorts(), p, rate, p.power() == null ? null : p.power().targetEffect(),
                    s.brief().target()));
            cohortTable(b, s, rate);
        }
        if (!s.builds().isEmpty()) {
            b.append("<div class=\"grid2\"><div><h3>Size and holdout over time</h3>")
                    .append(Charts.sizeOverTime(s.builds())).append("</div><div><h3>Stability between builds</h3>")
                    .append(Charts.stability(s.builds(), SegmentStability.FLAG_ABOVE));
            List<BuildPoint> flagged = s.builds().stream().filter(BuildPoint::flagged).toList();
            if (!flagged.isEmpty()) {
                b.append("<p class=\"note\">").append(flagged.size()).append(" build(s) changed more than ").append(SegmentStability.label()).append(" of members (")
                        .append(String.join(", ", flagged.stream().map(x -> x.asOf().toString()).toList()))
                        .append("): the segment reached different people than before, so read its lift with care.</p>");
            } else if (s.builds().size() > 1) {
                b.append("<p class=\"note\">Membership is stable: no build changed more than ").append(SegmentStability.label())
                        .append(".</p>");
            } else {
                b.append("<p class=\"note\">One build so far (").append(s.builds().get(0).asOf()).append(", ")
                        .append(Html.count(s.builds().get(0).members())).append(" members). Stability is shown from ")
                        .append("the second build: how many members entered, left and stayed.</p>");
            }
            b.append("</div></div>");
        }
        b.append("</div>\n");
    }

    private static void dd(StringBuilder b, String label, String value) {
        b.append("<dt>").append(label).append("</dt><dd>")
                .append(value == null ? "<span class=\"note\">not set</span>" : Html.esc(value)).append("</dd>");
    }

    private static void kpi(StringBuilder b, String value, String label) {
        b.append("<div class=\"kpi\"><div class=\"v\">").append(value).append("</div><div class=\"l\">").append(label)
                .append("</div></div>");
    }

    private void kpis(StringBuilder b, CohortLift p, boolean rate) {
        LiftEstimate e = p.estimate();
        b.append("<h3>").append(Html.esc(p.label().replace("pooled: ", "Result over "))).append("</h3><div class=\"kpis\">");
        kpi(b, rate ? Html.pct(e.treatment(), 1) : Html.num(e.treatment(), 2), rate ? "treated who bought" : "revenue per treated member");
        kpi(b, rate ? Html.pct(e.holdout(), 1) : Html.num(e.holdout(), 2), rate ? "holdout who bought" : "revenue per holdout member");
        kpi(b, rate ? Html.signedPts(e.absolute()) : Html.signedMoney(e.absolute()), "difference (" +
                (e.relative() == null ? "–" : String.format(java.util.Locale.ROOT, "%+.0f%%", 100 * e.relative())) + " relative)");
        kpi(b, (rate ? Html.signedPts(e.low()) : Html.signedMoney(e.low())) + " to "
                + (rate ? Html.signedPts(e.high()) : Html.signedMoney(e.high())), "95% range, p " + Html.pValue(e.pValue()));
        if (p.incrementalConversions() != null && rate) kpi(b, Html.num(p.incrementalConversions(), 0), "extra buyers");
        if (p.incrementalRevenue() != null) kpi(b, Html.num(p.incrementalRevenue(), 0), "extra revenue");
        kpi(b, Html.count(p.treatment().n()) + " / " + Html.count(p.holdout().n()), "treated / holdout members");
        if (p.exposed() != null) kpi(b, Html.count(p.exposed()), "treated members actually sent");
        if (p.perSent() != null && p.exposed() != null && p.exposed() < p.treatment().n()) {
            LiftEstimate ps = p.perSent();
            kpi(b, rate ? Html.signedPts(ps.absolute()) : Html.signedMoney(ps.absolute()), "per member actually sent ("
                    + (rate ? Html.signedPts(ps.low()) : Html.signedMoney(ps.low())) + " to "
                    + (rate ? Html.signedPts(ps.high()) : Html.signedMoney(ps.high())) + ")");
        }
        b.append("</div>");
        Power pw = p.power();
        if (pw != null) {
            if (pw.requiredHoldout() != null) {
                b.append("<p class=\"note\">Power: detecting the target (")
                        .append(rate ? Html.signedPts(pw.targetEffect()) : Html.signedMoney(pw.targetEffect()))
                        .append(") with 80% power needs ").append(Html.count(pw.requiredHoldout())).append(" holdout and ")
                        .append(Html.count(pw.requiredTreatment())).append(" treated members: ")
                        .append(pw.reached() ? "<strong>reached</strong>." : "<strong>not reached yet</strong>.");
                if (pw.detectableNow() != null) {
                    b.append(" The smallest effect these numbers can reliably detect is ")
                            .append(rate ? Html.signedPts(pw.detectableNow()) : Html.signedMoney(pw.detectableNow()))
                            .append(".");
                }
                b.append("</p>");
            } else if (!pw.note().isEmpty()) {
                b.append("<p class=\"note\">Power: ").append(Html.esc(pw.note())).append("</p>");
            }
        }
    }

    private void cohortTable(StringBuilder b, SegmentMeasurement s, boolean rate) {
        b.append("<div class=\"scroll\"><table><thead><tr><th>Cohort</th><th>Status</th><th>Treated</th><th>Sent</th><th>Holdout</th>")
                .append("<th>").append(rate ? "Treated rate" : "Treated per member").append("</th><th>")
                .append(rate ? "Holdout rate" : "Holdout per member").append("</th><th>Difference</th><th>95% range</th>")
                .append("<th>p</th><th>Enough for target?</th></tr></thead><tbody>");
        for (CohortLift c : s.cohorts()) row(b, c, rate, false);
        if (s.pooled() != null) row(b, s.pooled(), rate, true);
        b.append("</tbody></table></div>");
    }

    private void row(StringBuilder b, CohortLift c, boolean rate, boolean pooled) {
        LiftEstimate e = c.estimate();
        b.append(pooled ? "<tr class=\"pooled\">" : "<tr>").append("<td>")
                .append(pooled ? Html.esc(c.label().replace("pooled: ", "All: ")) : c.cohort() + " <span class=\"note\">to "
                        + c.windowEnd() + "</span>")
                .append("</td><td>").append(stateLabel(c.state())).append("</td><td>").append(Html.count(c.treatment().n()))
                .append("</td><td>").append(c.exposed() == null ? "–" : Html.count(c.exposed())).append("</td><td>")
                .append(Html.count(c.holdout().n())).append("</td>");
        if (e == null) {
            b.append("<td colspan=\"6\" class=\"note\">too few members to compare</td></tr>");
            return;
        }
        b.append("<td>").append(rate ? Html.pct(e.treatment(), 1) : Html.num(e.treatment(), 2)).append("</td><td>")
                .append(rate ? Html.pct(e.holdout(), 1) : Html.num(e.holdout(), 2)).append("</td><td>")
                .append(rate ? Html.signedPts(e.absolute()) : Html.signedMoney(e.absolute())).append("</td><td>")
                .append(rate ? Html.signedPts(e.low()) : Html.signedMoney(e.low())).append(" to ")
                .append(rate ? Html.signedPts(e.high()) : Html.signedMoney(e.high())).append("</td><td>")
                .append(Html.pValue(e.pValue()).replace("= ", "")).append("</td><td>");
        Power pw = c.power();
        b.append(pw == null || pw.requiredHoldout() == null ? "–" : pw.reached() ? "yes"
                : "no (" + Html.count(pw.requiredHoldout()) + " needed)").append("</td></tr>");
    }

    private void models(StringBuilder b, List<ModelValidity> models) {
        if (models.isEmpty()) return;
        b.append("<h2>Do the predictions come true?</h2>");
        for (ModelValidity m : models) {
            b.append("<div class=\"card\"><h3>Model ").append(Html.esc(m.modelName())).append(" · predicts ")
                    .append(Html.esc(m.target())).append("</h3>");
            if (!"MEASURED".equals(m.state())) {
                b.append("<p class=\"note\">").append(Html.esc(m.reason())).append("</p>");
            } else {
                b.append(m.recalibrate() ? "<div class=\"warn-box\"><strong>Recalibrate this model.</strong> "
                        : "<div class=\"ok-box\"><strong>Predictions hold.</strong> ")
                        .append("Scored on ").append(m.scoredAsOf()).append(", outcomes observed to ")
                        .append(m.horizonEnds()).append(". ").append(Html.esc(m.reason())).append("</div>");
                b.append("<div class=\"grid2\"><div><h3>Gains</h3>").append(Charts.gains(m))
                        .append("</div><div><h3>Calibration</h3>").append(Charts.calibration(m))
                        .append("<p class=\"note\">Dots are observed rates per decile; grey bars the range a correct ")
                        .append("prediction allows; dots off the dashed diagonal were mis-predicted.</p></div></div>");
            }
            if (!m.trainingMetrics().isEmpty()) {
                b.append("<p class=\"note\">At training: ");
                m.trainingMetrics().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b
                        .append(Html.esc(e.getKey())).append(" ").append(Html.num(e.getValue(), 3)).append(" · "));
                b.setLength(b.length() - 3);
                b.append("</p>");
            }
            b.append("</div>\n");
        }
    }

    private void syncs(StringBuilder b, List<SyncHealth> syncs) {
        if (syncs.isEmpty()) return;
        b.append("<h2>Sync health</h2><div class=\"card\"><div class=\"scroll\"><table><thead><tr><th>Sync</th><th>Segment → destination</th>")
                .append("<th>Runs</th><th>Failed</th><th>Sent</th><th>Rejected</th><th>Retried</th><th>Held out</th>")
                .append("<th>Suppressed</th><th>Match rate</th><th>Last run</th></tr></thead><tbody>");
        for (SyncHealth h : syncs) {
            long failed = h.statuses().entrySet().stream().filter(e -> SyncHealth.troubled(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            b.append("<tr><td>").append(Html.esc(h.syncName())).append("</td><td>").append(Html.esc(h.segment()))
                    .append(" → ").append(Html.esc(h.destination())).append("</td><td>").append(Html.count(h.runs()))
                    .append("</td><td>").append(failed == 0 ? "0" : "<strong style=\"color:#B34700\">" + failed + "</strong>")
                    .append("</td><td>").append(Html.count(h.total("sent"))).append("</td><td>")
                    .append(Html.count(h.total("rejected"))).append("</td><td>").append(Html.count(h.total("retried")))
                    .append("</td><td>").append(Html.count(h.total("held_out"))).append("</td><td>")
                    .append(Html.count(h.total("suppressed"))).append("</td><td>").append(matchRate(h))
                    .append("</td><td>").append(h.lastStarted() == null ? "–" : h.lastStarted().toString().substring(0, 16).replace('T', ' '))
                    .append(" · ").append(Html.esc(h.lastStatus())).append("</td></tr>");
        }
        b.append("</tbody></table></div>");
        if (syncs.stream().anyMatch(h -> h.matchRate() != null)) {
            b.append("<p class=\"note\">Match rate: the share of uploaded rows the destination did not report as invalid "
                    + "entries, (received − invalid) / received, over all runs (latest run in brackets); – when the "
                    + "destination reports no counts. It is not the share of people Meta found: Meta reports that only as "
                    + "an approximate audience size (seglift runs show).</p>");
        }
        b.append("<div class=\"grid2\">");
        for (SyncHealth h : syncs) {
            b.append("<div><h3>").append(Html.esc(h.syncName())).append(": last ").append(h.recent().size())
                    .append(" runs</h3>").append(Charts.syncRuns(h)).append("</div>");
        }
        b.append("</div></div>\n");
    }

    private static String matchRate(SyncHealth h) {
        if (h.matchRate() == null) return "–";
        Double latest = h.recent().isEmpty() ? null : h.recent().get(h.recent().size() - 1).matchRate();
        return Html.esc(String.format(java.util.Locale.ROOT, "%.1f%%", h.matchRate() * 100))
                + (latest == null ? "" : Html.esc(String.format(java.util.Locale.ROOT, " (%.1f%%)", latest * 100)));
    }

    private void audit(StringBuilder b, MeasurementReport r) {
        b.append("<h2>Latest data audit</h2><div class=\"card\">");
        if (r.audit() == null) {
            b.append("<p class=\"note\">No audit has been run yet (run: seglift audit).</p></div>\n");
            return;
        }
        b.append("<dl class=\"brief\">");
        r.audit().columns().forEach((k, v) -> dd(b, k.replace('_', ' '), v));
        b.append("</dl>");
        if (r.audit().json() != null) {
            try {
                b.append("<details><summary>Full audit</summary><pre>")
                        .append(Html.esc(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r.audit().json())))
                        .append("</pre></details>");
            } catch (Exception e) {
                b.append("<p class=\"note\">The audit document could not be shown: ").append(Html.esc(e.getMessage()))
                        .append("</p>");
            }
        }
        b.append("</div>\n");
    }
}
