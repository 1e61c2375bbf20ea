package io.seglift.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static io.seglift.demo.BehaviourModel.*;

/**
 * Simulates customers from the {@link BehaviourModel} and hands their rows to a {@link DemoSink}. Each customer draws
 * from its own random stream (seed and index), so any customer's rows depend only on the seed: {@link #simulateRows}
 * may run on several threads at once, and {@link #emit}, called in index order on one thread, numbers the orders.
 */
public final class CustomerSimulator {
    private static final double SECONDS_PER_DAY = 86_400;
    private static final Pattern WELL_FORMED_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");

    private final DemoSpec spec;
    private final DemoSink sink;
    private final LocalDate historyStart;
    private final LocalDate simulationEnd;
    private final List<LocalDate> campaignDays;
    private final double seasonalMass90d;
    private long nextOrderId = 1;

    public CustomerSimulator(DemoSpec spec, DemoSink sink) {
        this.spec = spec;
        this.sink = sink;
        this.historyStart = spec.historyStart();
        this.simulationEnd = spec.asOf().plusDays(spec.futureDays());
        this.campaignDays = campaignDays(spec);
        this.seasonalMass90d = Seasonality.integral(spec.asOf().plusDays(1), 90);
    }

    /** Customer ids are {@code C} and a zero-padded index starting at 1. */
    public static String customerId(long index) {
        return zeroPadded('C', index, 7);
    }

    /** Simulates customer {@code index} (1-based) and emits all of its rows. */
    public void simulate(long index) {
        emit(simulateRows(index));
    }

    /**
     * Writes one simulated customer's rows to the sink, giving its orders the next order ids; customers must be
     * emitted in index order (one thread) for the ids to be those of a sequential run.
     */
    void emit(SimulatedCustomer c) {
        sink.customer(c.customer());
        for (SimulatedCustomer.UnnumberedOrder o : c.orders()) {
            DemoOrder order = o.numbered(nextOrderId());
            if (o.future()) sink.futureOrder(order);
            else sink.order(order);
        }
        for (EmailEvent e : c.events()) sink.emailEvent(e);
        if (c.suppression() != null) {
            sink.suppression(c.customer().customerId(), c.suppression().reason(), c.suppression().suppressedAt());
        }
        sink.truth(c.truth());
    }

    /** Simulates customer {@code index} (1-based) without emitting; safe to call from several threads. */
    SimulatedCustomer simulateRows(long index) {
        SplittableRandom rnd = new SplittableRandom(Sampling.streamSeed(spec.seed(), index));
        String id = customerId(index);
        double rate = Sampling.gamma(rnd, RATE_SHAPE, RATE_MEAN / RATE_SHAPE);
        double dropout = Sampling.beta(rnd, DROPOUT_A, DROPOUT_B);
        double meanSpend = Sampling.gamma(rnd, SPEND_SHAPE, SPEND_SCALE);
        double[] preferences = Sampling.dirichlet(rnd, Catalog.preferenceConcentrations());
        double engagement = Sampling.beta(rnd, ENGAGEMENT_A, ENGAGEMENT_B);
        double upliftDraw = rnd.nextDouble();
        LocalDateTime signupAt = signup(rnd);

        double start = dayOffset(signupAt);
        double end = ChronoUnit.DAYS.between(historyStart, simulationEnd) + 1;
        double asOfEnd = ChronoUnit.DAYS.between(historyStart, spec.asOf()) + 1;
        List<Double> purchases = new ArrayList<>();
        double dropoutAt = Double.POSITIVE_INFINITY;
        double t = start;
        boolean active = true;
        if (rnd.nextDouble() < BUYS_AT_SIGNUP) {
            t = start + rnd.nextDouble() / 24;
            purchases.add(t);
            active = rnd.nextDouble() >= dropout;
            if (!active) dropoutAt = t;
        }
        while (active) {
            t += Sampling.exponential(rnd, rate * Seasonality.MAX);
            if (t >= end) break;
            if (rnd.nextDouble() * Seasonality.MAX >= Seasonality.multiplier(date(t))) continue;
            purchases.add(t);
            if (rnd.nextDouble() < dropout) {
                active = false;
                dropoutAt = t;
            }
        }
        boolean aliveAtAsOf = dropoutAt >= asOfEnd;

        DemoCustomer customer = profile(rnd, id, index, signupAt, aliveAtAsOf);
        List<SimulatedCustomer.UnnumberedOrder> orders = new ArrayList<>(purchases.size());
        for (double p : purchases) {
            if (p < 0) continue;
            orders.add(order(rnd, id, p, meanSpend, preferences, p >= asOfEnd));
        }
        List<EmailEvent> events = new ArrayList<>();
        if (customer.emailOptIn() && isWellFormed(customer.email())) {
            emailEvents(rnd, id, signupAt, engagement, dropoutAt, events);
        }
        SimulatedCustomer.Suppression suppression = null;
        if (rnd.nextDouble() < SUPPRESSED) {
            String reason = !customer.emailOptIn() ? "unsubscribed_all" : rnd.nextBoolean() ? "complaint" : "legal_request";
            suppression = new SimulatedCustomer.Suppression(reason, timestamp(asOfEnd - 1 - rnd.nextDouble() * 365));
        }
        double expected90 = aliveAtAsOf ? expectedPurchases(rate * seasonalMass90d, dropout) : 0;
        TruthCustomer truth = new TruthCustomer(id, rate, dropout, meanSpend, Catalog.CATEGORIES[argmax(preferences)],
                aliveAtAsOf, Double.isInfinite(dropoutAt) ? null : timestamp(dropoutAt), expected90, upliftDraw);
        return new SimulatedCustomer(customer, orders, events, suppression, truth);
    }

    /**
     * Orders whose customer id is not in the customers table (deleted accounts in a real export), spread over the
     * history; drawn from their own stream after all customers.
     */
    public void orphanOrders() {
        long count = Math.max(1, Math.round(spec.customers() * ORPHAN_ORDERS_PER_CUSTOMER));
        SplittableRandom rnd = new SplittableRandom(Sampling.streamSeed(spec.seed(), -1));
        double days = ChronoUnit.DAYS.between(historyStart, spec.asOf()) + 1;
        for (long k = 0; k < count; k++) {
            String ghost = customerId(spec.customers() + 1000 + rnd.nextInt(Math.max(1, spec.customers())));
            sink.order(order(rnd, ghost, rnd.nextDouble() * days, 60, Catalog.POPULARITY, false).numbered(nextOrderId()));
        }
    }

    /** E[purchases] of an active customer over a period of seasonal mass {@code lambdaT}: (1 - e^(-p L)) / p. */
    static double expectedPurchases(double lambdaT, double dropout) {
        return dropout <= 0 ? lambdaT : (1 - Math.exp(-dropout * lambdaT)) / dropout;
    }

    static boolean isWellFormed(String email) {
        return email != null && WELL_FORMED_EMAIL.matcher(email).matches();
    }

    private LocalDateTime signup(SplittableRandom rnd) {
        long historyDays = ChronoUnit.DAYS.between(historyStart, spec.asOf()) + 1;
        double offset;
        if (rnd.nextDouble() < SIGNED_UP_BEFORE_HISTORY) {
            offset = -rnd.nextDouble() * 365.25 * SIGNUP_YEARS_BEFORE;
        } else {
            offset = Math.sqrt(rnd.nextDouble()) * (historyDays - 1);
        }
        return timestamp(offset);
    }

    private DemoCustomer profile(SplittableRandom rnd, String id, long index, LocalDateTime signupAt, boolean alive) {
        String first = Identities.firstName(rnd);
        String last = Identities.lastName(rnd);
        String[] place = Identities.place(rnd);
        String email = null;
        if (rnd.nextDouble() < HAS_EMAIL) {
            email = rnd.nextDouble() < MALFORMED_EMAIL ? Identities.malformedEmail(first, last, index, rnd)
                    : Identities.email(first, last, index, rnd);
        }
        boolean emailOptIn = email != null && rnd.nextDouble() < (alive ? EMAIL_OPT_IN_ACTIVE : EMAIL_OPT_IN_INACTIVE);
        String phone = rnd.nextDouble() < HAS_PHONE ? Identities.phone(place, rnd) : null;
        boolean smsOptIn = phone != null && rnd.nextDouble() < SMS_OPT_IN_OF_PHONES;
        boolean dnd = rnd.nextDouble() < DO_NOT_DISTURB;
        boolean ads = rnd.nextDouble() < ADS_OPT_IN;
        double g = rnd.nextDouble();
        String gender = g < 0.48 ? "f" : g < 0.94 ? "m" : null;
        LocalDate dob = rnd.nextDouble() < 0.4 ? spec.asOf().minusDays(18 * 365 + rnd.nextInt(50 * 365)) : null;
        return new DemoCustomer(id, email, phone, first, last, place[0], place[1], Identities.zip(rnd, place),
                place[3], gender, dob, signupAt, emailOptIn, smsOptIn, dnd, ads);
    }

    private SimulatedCustomer.UnnumberedOrder order(SplittableRandom rnd, String customerId, double day,
                                                    double meanSpend, double[] preferences, boolean future) {
        int category = Sampling.choose(rnd, preferences);
        double value = meanSpend * Catalog.PRICE_LEVEL[category] * Sampling.lognormalUnitMean(rnd, SPEND_SIGMA);
        double total = Math.max(1, Math.round(value * 100) / 100.0);
        String status = "completed";
        double u = rnd.nextDouble();
        if (u < REFUNDED) {
            status = "refunded";
            total = rnd.nextBoolean() ? 0 : -total;
        } else if (u < REFUNDED + CANCELLED) {
            status = "cancelled";
        }
        return new SimulatedCustomer.UnnumberedOrder(customerId, timestamp(day), total, Catalog.CATEGORIES[category],
                status, future);
    }

    private String nextOrderId() {
        return zeroPadded('O', nextOrderId++, 9);
    }

    /** {@code prefix} and {@code n} zero-padded to {@code width} digits, the same digits as a zero-padded decimal format. */
    static String zeroPadded(char prefix, long n, int width) {
        if (n < 0) return prefix + String.format(java.util.Locale.ROOT, "%0" + width + "d", n);
        String digits = Long.toString(n);
        StringBuilder b = new StringBuilder(1 + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) b.append('0');
        return b.append(digits).toString();
    }

    private void emailEvents(SplittableRandom rnd, String id, LocalDateTime signupAt, double engagement,
                             double dropoutAt, List<EmailEvent> out) {
        double historyEnd = ChronoUnit.DAYS.between(historyStart, spec.asOf()) + 1;
        for (LocalDate day : campaignDays) {
            double sent = ChronoUnit.DAYS.between(historyStart, day) + 0.4;
            if (sent < dayOffset(signupAt)) continue;
            double openChance = engagement * (sent < dropoutAt ? 1 : INACTIVE_OPEN_FACTOR);
            if (rnd.nextDouble() >= openChance) continue;
            double openedAt = sent + Math.min(6, Sampling.exponential(rnd, 4));
            double clickedAt = openedAt + rnd.nextDouble() / 96;
            boolean clicked = rnd.nextDouble() < 0.08 + 0.4 * engagement;
            if (openedAt >= historyEnd) continue;
            String campaign = "newsletter_" + day;
            out.add(new EmailEvent(id, timestamp(openedAt), "open", campaign));
            if (clicked && clickedAt < historyEnd) {
                out.add(new EmailEvent(id, timestamp(clickedAt), "click", campaign));
            }
        }
    }

    private static List<LocalDate> campaignDays(DemoSpec spec) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = spec.asOf().with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        for (int w = spec.emailWeeks() - 1; w >= 0; w--) {
            days.add(last.minusWeeks(w));
        }
        return days;
    }

    private double dayOffset(LocalDateTime at) {
        return ChronoUnit.SECONDS.between(historyStart.atStartOfDay(), at) / SECONDS_PER_DAY;
    }

    private LocalDate date(double day) {
        return historyStart.plusDays((long) Math.floor(day));
    }

    private LocalDateTime timestamp(double day) {
        return historyStart.atStartOfDay().plusSeconds((long) Math.floor(day * SECONDS_PER_DAY));
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
