package io.seglift.scoring.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.seglift.config.AuditConfig;
import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.config.DestinationConfig;
import io.seglift.config.EventsSource;
import io.seglift.config.OrdersSource;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SegliftTables;
import io.seglift.config.eligibility.ChannelEligibility;
import io.seglift.scoring.clv.ClvReadiness;
import io.seglift.scoring.data.PurchaseFacts;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.destination.Destinations;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;
import io.seglift.spi.warehouse.Row;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the readiness audit in the warehouse: a handful of aggregate queries, none returning customer rows. Channel
 * reachability is {@link ChannelEligibility}, the rule the sync planner applies: EMAIL needs an email and email
 * consent, SMS a phone, SMS consent and no do-not-disturb flag, ADS any identifier the destination matches on (and ad
 * consent when a column is configured), CRM an identifier the destination matches on.
 */
public final class Auditor {
    /** What a well-formed email looks like to the audit. */
    public static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    private final Warehouse w;
    private final Dialect d;
    private final ProjectConfig project;
    private final Destinations destinations;
    private final Clock clock;
    private final MethodReadiness clustering;

    public Auditor(Warehouse warehouse, ProjectConfig project, Destinations destinations, Clock clock) {
        this(warehouse, project, destinations, clock, new ClusteringReadiness(warehouse, project));
    }

    /** An auditor judging clustering by {@code clustering}. */
    public Auditor(Warehouse warehouse, ProjectConfig project, Destinations destinations, Clock clock,
                   MethodReadiness clustering) {
        this.w = warehouse;
        this.d = warehouse.dialect();
        this.project = project;
        this.destinations = destinations;
        this.clock = clock;
        this.clustering = clustering;
    }

    /** CLV's verdict: {@link ClvReadiness} (enough buyers, repeat buyers and history for BG/NBD and Gamma-Gamma). */
    MethodReadiness clvReadiness() {
        return asOf -> {
            ClvReadiness.Verdict v = new ClvReadiness(w, project.sources().orders()).assess(asOf);
            return new MethodVerdict(MethodVerdict.CLV, v.supported(), v.reasons());
        };
    }

    private String c(String column, String what) {
        return "c." + d.quote(Identifiers.require(column, what));
    }

    private String o(String column) {
        return "o." + d.quote(Identifiers.require(column, "sources.orders column"));
    }

    private static String sum(String condition) {
        return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    private static long n(Row r, String column) {
        Long v = r.longValue(column);
        return v == null ? 0 : v;
    }

    /** Audits the data as of {@code asOf} and stores the result in {@code audits}. */
    public AuditResult run(LocalDate asOf) {
        Instant runAt = clock.instant();
        AuditConfig cfg = project.scoring().audit();
        CustomersSource customers = project.sources().customers();
        OrdersSource orders = project.sources().orders();
        PurchaseFacts facts = new PurchaseFacts(orders, d);
        String asOfSql = d.dateLiteral(asOf);
        String customersTable = d.table(customers.table()) + " c";
        String key = c(customers.key(), "sources.customers.key");

        long[] customerCounts = new long[4];
        String emailCheck = customers.email().map(e -> sum(c(e, "sources.customers.identifiers.email") + " IS NOT NULL AND NOT "
                + d.regexMatches(d.castText(c(e, "email")), EMAIL_PATTERN))).orElse("0");
        w.queryOne("SELECT COUNT(*) AS n, " + sum(key + " IS NULL") + " AS null_keys, " + emailCheck + " AS malformed, COUNT(" + key + ") - COUNT(DISTINCT " + key
                + ") AS duplicate_rows FROM " + customersTable, List.of(), r -> {
            customerCounts[0] = n(r, "n");
            customerCounts[1] = n(r, "null_keys");
            customerCounts[2] = n(r, "malformed");
            customerCounts[3] = n(r, "duplicate_rows");
            return true;
        });
        long duplicates = w.queryLong("SELECT COUNT(*) FROM (SELECT " + key + " FROM " + customersTable + " WHERE " + key
                + " IS NOT NULL GROUP BY " + key + " HAVING COUNT(*) > 1) dup");

        LocalDate windowStart = asOf.minusMonths(cfg.windowMonths());
        Buyers buyers = w.queryOne("SELECT COUNT(*) AS buyers, " + sum("recent >= " + cfg.minPurchases()) + " AS qualified,"
                + " MIN(first_purchase) AS first_purchase, MAX(last_purchase) AS last_purchase FROM (SELECT customer_key,"
                + " MIN(purchase_date) AS first_purchase, MAX(purchase_date) AS last_purchase, "
                + sum("purchase_date >= " + d.dateLiteral(windowStart)) + " AS recent FROM (" + facts.purchases(asOfSql)
                + ") p GROUP BY customer_key) b", List.of(), r -> new Buyers(n(r, "buyers"), n(r, "qualified"),
                r.date("first_purchase"), r.date("last_purchase"))).orElseThrow();

        AuditResult.Quality quality = quality(orders, facts, asOf, customers, duplicates, customerCounts, buyers);
        AuditResult.Engagement engagement = project.sources().events().map(e -> engagement(e, facts, asOfSql)).orElse(null);
        int historyMonths = buyers.first() == null ? 0 : (int) ChronoUnit.MONTHS.between(buyers.first(), asOf);
        Recommender.Decision decision = new Recommender(cfg).decide(buyers.buyers(), buyers.qualified(), historyMonths,
                clvReadiness().verdict(asOf), clustering.verdict(asOf));
        AuditResult result = new AuditResult(UUID.randomUUID().toString(), asOf, runAt, cfg, customerCounts[0],
                buyers.buyers(), buyers.qualified(), buyers.first(), buyers.last(), historyMonths, engagement,
                reachability(customers, customerCounts[0]), quality, decision.recommendation(), decision.reasons(),
                decision.methods());
        store(result);
        return result;
    }

    private AuditResult.Quality quality(OrdersSource orders, PurchaseFacts facts, LocalDate asOf, CustomersSource customers,
                                        long duplicates, long[] customerCounts, Buyers buyers) {
        String value = facts.valueExpr();
        String date = facts.dateExpr();
        String known = "SELECT 1 FROM " + d.table(customers.table()) + " c WHERE "
                + d.castText(c(customers.key(), "sources.customers.key")) + " = " + facts.keyExpr();
        long[] q = new long[9];
        LocalDate[] latest = new LocalDate[1];
        w.queryOne("SELECT COUNT(*) AS n, " + sum(o(orders.customer()) + " IS NULL") + " AS no_customer, "
                + sum(o(orders.at()) + " IS NULL") + " AS null_dates, " + sum(value + " IS NULL") + " AS null_values, "
                + sum(value + " <= 0") + " AS non_positive, " + sum("COALESCE(" + facts.cancelledExpr() + ", FALSE)")
                + " AS cancelled, " + sum(date + " >= " + d.dateLiteral(asOf)) + " AS future, " + sum(facts.invalidExpr())
                + " AS invalid, MAX(" + date + ") AS latest"
                + " FROM " + d.table(orders.table()) + " o", List.of(), r -> {
            q[0] = n(r, "n");
            q[1] = n(r, "no_customer");
            q[2] = n(r, "null_dates");
            q[3] = n(r, "null_values");
            q[4] = n(r, "non_positive");
            q[5] = n(r, "cancelled");
            q[6] = n(r, "future");
            q[7] = n(r, "invalid");
            latest[0] = r.date("latest");
            return true;
        });
        long[] unknown = new long[2];
        w.queryOne("SELECT COUNT(*) AS n, COUNT(DISTINCT " + facts.keyExpr() + ") AS keys FROM " + d.table(orders.table())
                + " o WHERE " + o(orders.customer()) + " IS NOT NULL AND NOT EXISTS (" + known + ")", List.of(), r -> {
            unknown[0] = n(r, "n");
            unknown[1] = n(r, "keys");
            return true;
        });
        Long daysSince = buyers.last() == null ? null : ChronoUnit.DAYS.between(buyers.last(), asOf);
        return new AuditResult.Quality(duplicates, customerCounts[1], q[0], q[1], unknown[0], unknown[1], q[2], q[3], q[4],
                q[5], q[6], customerCounts[2], latest[0], daysSince, customerCounts[3], q[7]);
    }

    private AuditResult.Engagement engagement(EventsSource events, PurchaseFacts facts, String asOfSql) {
        String ek = d.castText("e." + d.quote(Identifiers.require(events.customer(), "sources.events.customer")));
        String eAt = "e." + d.quote(Identifiers.require(events.at(), "sources.events.at"));
        String table = d.table(events.table());
        return w.queryOne("SELECT (SELECT COUNT(DISTINCT " + ek + ") FROM " + table + " e) AS event_customers,"
                + " (SELECT COUNT(*) FROM (SELECT DISTINCT customer_key FROM (" + facts.purchases(asOfSql) + ") p) b"
                + " WHERE EXISTS (SELECT 1 FROM " + table + " e WHERE " + ek + " = b.customer_key)) AS joined,"
                + " (SELECT COUNT(DISTINCT customer_key) FROM (" + facts.purchases(asOfSql) + ") p) AS buyers,"
                + " (SELECT MAX(" + d.castDate(eAt) + ") FROM " + table + " e) AS latest", List.of(), r -> {
            long buyers = n(r, "buyers");
            long joined = n(r, "joined");
            return new AuditResult.Engagement(n(r, "event_customers"), joined, buyers == 0 ? 0 : joined / (double) buyers,
                    r.date("latest"));
        }).orElseThrow();
    }

    private List<AuditResult.Reach> reachability(CustomersSource customers, long total) {
        ChannelEligibility eligibility = new ChannelEligibility(d, "c", customers);
        Set<IdentifierType> anyIdentifier = EnumSet.allOf(IdentifierType.class);
        Map<String, String[]> rules = new LinkedHashMap<>();
        rules.put("*|with email", new String[]{customers.email().map(eligibility::present).orElse("FALSE"), "has an email"});
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS, Channel.ADS)) {
            rules.put("*|" + channel.name(), new String[]{eligibility.eligible(channel, anyIdentifier),
                    describe(channel, anyIdentifier, customers.consent())});
        }
        for (DestinationConfig dest : project.destinations().values()) {
            Optional<Capabilities> caps = capabilities(dest);
            if (caps.isEmpty()) {
                continue;
            }
            Channel channel = caps.get().channel();
            rules.put(dest.name() + "|" + channel.name(), new String[]{eligibility.eligible(channel, caps.get().identifiers()),
                    describe(channel, caps.get().identifiers(), customers.consent())});
        }
        List<String> sums = new ArrayList<>();
        int i = 0;
        for (String[] rule : rules.values()) {
            sums.add(sum(rule[0]) + " AS r" + (i++));
        }
        List<AuditResult.Reach> out = new ArrayList<>();
        w.queryOne("SELECT " + String.join(", ", sums) + " FROM " + d.table(customers.table()) + " c", List.of(), r -> {
            int j = 0;
            for (Map.Entry<String, String[]> e : rules.entrySet()) {
                String[] id = e.getKey().split("\\|", 2);
                long reach = n(r, "r" + (j++));
                out.add(new AuditResult.Reach(id[0], id[1], reach, total == 0 ? 0 : reach / (double) total, e.getValue()[1]));
            }
            return true;
        });
        return out;
    }

    private static String describe(Channel channel, Set<IdentifierType> matchedOn, ConsentColumns consent) {
        return switch (channel) {
            case EMAIL -> "has an email and email consent";
            case SMS -> "has a phone and SMS consent and is not do-not-disturb";
            case ADS -> (matchedOn.containsAll(EnumSet.allOf(IdentifierType.class)) ? "has any identifier for ad matching"
                    : "has an identifier in " + matchedOn) + (consent.ads().isPresent() ? " and ad consent" : "");
            case CRM -> matchedOn.equals(Set.of(IdentifierType.EMAIL)) ? "has an email" : "has an identifier in " + matchedOn;
        };
    }

    private Optional<Capabilities> capabilities(DestinationConfig dest) {
        Optional<DestinationFactory> factory = destinations.find(dest.type());
        if (factory.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(factory.get().capabilities(dest.settings()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("destinations." + dest.name() + ": cannot read its capabilities: "
                    + e.getMessage(), e);
        }
    }

    private void store(AuditResult result) {
        String json;
        try {
            json = AuditJson.MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the audit as JSON: " + e.getMessage(), e);
        }
        w.execute("INSERT INTO " + d.table(w.own(SegliftTables.AUDITS)) + " (run_id, as_of, run_at, customers, qualified_customers,"
                        + " history_months, recommendation, allows_models, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS "
                        + d.type(ColumnType.JSON) + "))", result.runId(), result.asOf(),
                java.sql.Timestamp.from(result.runAt()), result.customers(), result.qualified(), result.historyMonths(),
                result.recommendation().name(), result.allowsModels(), json);
    }

    private record Buyers(long buyers, long qualified, LocalDate first, LocalDate last) {
    }
}
