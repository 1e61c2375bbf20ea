package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.scoring.audit.AuditResult;
import io.seglift.scoring.audit.Auditor;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seglift audit}: is the data ready, and for which method. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit data readiness in the warehouse: qualified customers, months of history, engagement "
                + "coverage, channel reachability per destination and data quality, with the recommended method "
                + "(RFM only, or RFM and propensity models). Each audit is stored in the audits table.",
        footer = "%nExample: seglift audit --as-of 2011-12-10 --format json")
public final class AuditCommand implements Callable<Integer> {
    private final Session session;
    @Mixin
    GlobalOptions options;
    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Audit as of this date (default: the day after the latest purchase).")
    LocalDate asOf;

    public AuditCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ProjectConfig project = session.project(options);
        try (Warehouse w = session.openWarehouse(project)) {
            LocalDate day = ScoringOutput.asOfOrDefault(asOf, ScoringOutput.rfm(w, project, session));
            session.progress().start("audit as of " + day, 0);
            AuditResult r = new Auditor(w, project, session.destinations(), session.clock()).run(day);
            session.progress().finish("audit " + r.runId() + " stored");
            System.out.print(options.json() ? Json.write(r) + "\n" : text(r));
        }
        return ExitCode.OK;
    }

    private String text(AuditResult r) {
        StringBuilder s = new StringBuilder();
        s.append("Data readiness as of ").append(r.asOf()).append(" (audit ").append(r.runId()).append(")\n\n");
        s.append("Recommendation: ").append(r.recommendation() == AuditResult.Recommendation.RFM_ONLY
                ? "RFM only" : "RFM and propensity models").append('\n');
        r.reasons().forEach(x -> s.append("  - ").append(x).append('\n'));
        if (r.clv() != null) {
            s.append("CLV (BG/NBD + Gamma-Gamma): ").append(r.clv().supported() ? "supported" : "not supported").append('\n');
            r.clv().reasons().forEach(x -> s.append("  - ").append(x).append('\n'));
        }
        s.append("\nCustomers ").append(r.customers()).append(", with a purchase ").append(r.buyers())
                .append(", qualified ").append(r.qualified()).append('\n');
        s.append("History ").append(r.historyMonths()).append(" months (").append(r.firstPurchase()).append(" to ")
                .append(r.lastPurchase()).append(")\n");
        if (r.engagement() != null) {
            s.append("Engagement: ").append(r.engagement().joined()).append(" buyers have events (")
                    .append(ScoringOutput.percent(r.engagement().share())).append("); latest event ")
                    .append(r.engagement().latestEvent()).append('\n');
        } else {
            s.append("Engagement: no sources.events configured\n");
        }
        List<List<String>> rows = new ArrayList<>();
        for (AuditResult.Reach x : r.reachability()) {
            rows.add(List.of(x.destination().equals("*") ? "(all)" : x.destination(), x.channel(),
                    Long.toString(x.reachable()), ScoringOutput.percent(x.share()), x.rule()));
        }
        s.append("\nReachability\n").append(ScoringOutput.table(List.of("DESTINATION", "CHANNEL", "CUSTOMERS", "SHARE",
                "RULE"), rows));
        AuditResult.Quality q = r.quality();
        LocalDate today = LocalDate.now(session.clock());
        s.append("\nData quality\n").append(ScoringOutput.table(List.of("CHECK", "COUNT"), List.of(
                List.of("duplicate customer keys", q.duplicateCustomerKeys() + " (" + q.duplicateCustomerRows()
                        + " rows left out)"),
                List.of("customers without a key", Long.toString(q.nullCustomerKeys())),
                List.of("malformed emails", Long.toString(q.malformedEmails())),
                List.of("order rows", Long.toString(q.orderRows())),
                List.of("order rows without a customer", Long.toString(q.ordersWithoutCustomer())),
                List.of("order rows of unknown customers", q.ordersUnknownCustomer() + " (" + q.unknownCustomers() + " keys)"),
                List.of("order rows without a date", Long.toString(q.nullOrderDates())),
                List.of("order rows without a value", Long.toString(q.nullAmounts())),
                List.of("order rows with value <= 0", Long.toString(q.nonPositiveAmounts())),
                List.of("order rows with NaN, infinite or |value| > 1e12", Long.toString(q.invalidAmounts())),
                List.of("cancelled order rows", Long.toString(q.cancelledRows())),
                List.of("order rows on or after as-of", Long.toString(q.futureOrders())),
                List.of("latest order", q.latestOrder() == null ? "none" : q.latestOrder() + " ("
                        + ChronoUnit.DAYS.between(q.latestOrder(), today) + " days before today)"))));
        return s.toString();
    }
}
