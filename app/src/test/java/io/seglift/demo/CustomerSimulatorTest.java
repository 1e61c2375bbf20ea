package io.seglift.demo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Distributional sanity of the model on 20,000 customers with the default settings. */
class CustomerSimulatorTest {
    private static final DemoSpec SPEC = DemoSpec.of(20_000, 42);
    private static RecordingSink data;

    @BeforeAll
    static void generate() {
        data = RecordingSink.simulate(SPEC);
    }

    @Test
    void aboutTenOrdersPerCustomerOverTwoYears() {
        double perCustomer = data.orders.size() / (double) SPEC.customers();
        assertThat(perCustomer).isBetween(9.0, 11.5);
        Map<String, Integer> counts = new HashMap<>();
        data.orders.forEach(o -> counts.merge(o.customerId(), 1, Integer::sum));
        long oneTimers = counts.values().stream().filter(c -> c == 1).count();
        long heavy = counts.values().stream().filter(c -> c >= 20).count();
        assertThat(oneTimers / (double) counts.size()).as("share of one-time buyers").isBetween(0.08, 0.30);
        assertThat(heavy / (double) counts.size()).as("share of heavy buyers").isBetween(0.05, 0.35);
    }

    @Test
    void aboutHalfOfCustomersHaveChurnedByTheAsOfDate() {
        double alive = data.truth.stream().filter(TruthCustomer::aliveAtAsOf).count() / (double) SPEC.customers();
        assertThat(alive).isBetween(0.40, 0.62);
    }

    @Test
    void decemberIsThePeakMonthOfAFullYear() {
        Map<Month, Integer> perMonth = new HashMap<>();
        data.orders.stream().filter(o -> o.orderedAt().getYear() == 2025)
                .forEach(o -> perMonth.merge(o.orderedAt().getMonth(), 1, Integer::sum));
        int december = perMonth.get(Month.DECEMBER);
        assertThat(perMonth.values()).allMatch(c -> c <= december);
        assertThat(perMonth.get(Month.NOVEMBER)).isGreaterThan(perMonth.get(Month.OCTOBER));
        assertThat(perMonth.get(Month.NOVEMBER) + december)
                .isGreaterThan(perMonth.get(Month.SEPTEMBER) + perMonth.get(Month.OCTOBER));
    }

    @Test
    void ordersStayInsideTheirPeriods() {
        LocalDateTime start = SPEC.historyStart().atStartOfDay();
        LocalDateTime afterAsOf = SPEC.asOf().plusDays(1).atStartOfDay();
        assertThat(data.orders).allMatch(o -> !o.orderedAt().isBefore(start) && o.orderedAt().isBefore(afterAsOf));
        LocalDateTime futureEnd = SPEC.asOf().plusDays(SPEC.futureDays() + 1L).atStartOfDay();
        assertThat(data.futureOrders).isNotEmpty()
                .allMatch(o -> !o.orderedAt().isBefore(afterAsOf) && o.orderedAt().isBefore(futureEnd));
    }

    @Test
    void keysAreUniqueAndOrderIdsNeverRepeatAcrossHistoryAndFuture() {
        Set<String> customers = new HashSet<>();
        data.customers.forEach(c -> assertThat(customers.add(c.customerId())).isTrue());
        Set<String> orderIds = new HashSet<>();
        data.orders.forEach(o -> assertThat(orderIds.add(o.orderId())).isTrue());
        data.futureOrders.forEach(o -> assertThat(orderIds.add(o.orderId())).isTrue());
    }

    @Test
    void dataQualityWartsAreThereForTheAuditToFind() {
        Set<String> known = new HashSet<>();
        data.customers.forEach(c -> known.add(c.customerId()));
        long orphans = data.orders.stream().filter(o -> !known.contains(o.customerId())).count();
        assertThat(orphans).isEqualTo(Math.round(SPEC.customers() * BehaviourModel.ORPHAN_ORDERS_PER_CUSTOMER));
        assertThat(data.orders).filteredOn(o -> o.status().equals("refunded")).isNotEmpty()
                .allMatch(o -> o.total() <= 0);
        assertThat(data.orders).filteredOn(o -> !o.status().equals("refunded")).allMatch(o -> o.total() > 0);
        long malformed = data.customers.stream().filter(c -> c.email() != null
                && !CustomerSimulator.isWellFormed(c.email())).count();
        assertThat(malformed).isBetween(20L, 300L);
        assertThat(Catalog.CATEGORIES).hasSize(8);
        assertThat(data.orders.stream().map(DemoOrder::category).distinct().count()).isEqualTo(8);
    }

    @Test
    void consentHasRealisticGaps() {
        double n = SPEC.customers();
        assertThat(share(c -> c.email() != null)).isCloseTo(0.95, within(0.01));
        assertThat(share(DemoCustomer::emailOptIn)).isCloseTo(0.70, within(0.04));
        assertThat(share(c -> c.phone() != null)).isCloseTo(0.60, within(0.015));
        double smsOfPhones = data.customers.stream().filter(c -> c.phone() != null).filter(DemoCustomer::smsOptIn)
                .count() / (double) data.customers.stream().filter(c -> c.phone() != null).count();
        assertThat(smsOfPhones).isCloseTo(0.35, within(0.02));
        assertThat(share(DemoCustomer::doNotDisturb)).isCloseTo(0.08, within(0.01));
        assertThat(share(DemoCustomer::adsOptIn)).isCloseTo(0.88, within(0.01));
        assertThat(data.customers).noneMatch(c -> c.email() == null && c.emailOptIn());
        assertThat(data.customers).noneMatch(c -> c.phone() == null && c.smsOptIn());
        assertThat(data.suppressed.size() / n).isCloseTo(0.012, within(0.004));
    }

    @Test
    void inactiveCustomersOpenLessEmail() {
        Map<String, TruthCustomer> truth = new HashMap<>();
        data.truth.forEach(t -> truth.put(t.customerId(), t));
        Map<String, Integer> opens = new HashMap<>();
        data.events.stream().filter(e -> e.eventType().equals("open"))
                .forEach(e -> opens.merge(e.customerId(), 1, Integer::sum));
        double activeRate = opensPerCustomer(opens, truth, true);
        double inactiveRate = opensPerCustomer(opens, truth, false);
        assertThat(activeRate).isGreaterThan(2 * inactiveRate);
        assertThat(data.events).anyMatch(e -> e.eventType().equals("click"));
        LocalDateTime afterAsOf = SPEC.asOf().plusDays(1).atStartOfDay();
        assertThat(data.events).allMatch(e -> e.occurredAt().isBefore(afterAsOf));
    }

    @Test
    void groundTruthAgreesWithTheSimulatedFuture() {
        double expected = data.truth.stream().mapToDouble(TruthCustomer::expectedPurchases90d).sum();
        LocalDateTime end = SPEC.asOf().plusDays(91).atStartOfDay();
        long actual = data.futureOrders.stream().filter(o -> o.orderedAt().isBefore(end)).count();
        assertThat(actual / expected).isCloseTo(1.0, within(0.04));
        Set<String> inactive = new HashSet<>();
        data.truth.stream().filter(t -> !t.aliveAtAsOf()).forEach(t -> inactive.add(t.customerId()));
        assertThat(data.futureOrders).noneMatch(o -> inactive.contains(o.customerId()));
        assertThat(data.truth).filteredOn(t -> !t.aliveAtAsOf()).allMatch(t -> t.expectedPurchases90d() == 0
                && t.droppedOutAt() != null && t.droppedOutAt().isBefore(SPEC.asOf().plusDays(1).atStartOfDay()));
        assertThat(data.truth).allMatch(t -> t.upliftDraw() >= 0 && t.upliftDraw() < 1);
        double meanDraw = data.truth.stream().mapToDouble(TruthCustomer::upliftDraw).average().orElseThrow();
        assertThat(meanDraw).isCloseTo(0.5, within(0.01));
    }

    @Test
    void expectedPurchasesFollowTheClosedForm() {
        assertThat(CustomerSimulator.expectedPurchases(3.0, 0)).isEqualTo(3.0);
        assertThat(CustomerSimulator.expectedPurchases(3.0, 0.1)).isCloseTo((1 - Math.exp(-0.3)) / 0.1, within(1e-12));
        assertThat(CustomerSimulator.expectedPurchases(3.0, 1.0)).isLessThan(1.0);
    }

    @Test
    void signupsStartBeforeTheHistoryAndRunUpToTheAsOfDate() {
        LocalDate start = SPEC.historyStart();
        double before = data.customers.stream().filter(c -> c.signupAt().toLocalDate().isBefore(start)).count()
                / (double) SPEC.customers();
        assertThat(before).isCloseTo(BehaviourModel.SIGNED_UP_BEFORE_HISTORY, within(0.02));
        assertThat(data.customers).allMatch(c -> !c.signupAt().toLocalDate().isAfter(SPEC.asOf()));
    }

    private static double share(Predicate<DemoCustomer> p) {
        return data.customers.stream().filter(p).count() / (double) data.customers.size();
    }

    private static double opensPerCustomer(Map<String, Integer> opens, Map<String, TruthCustomer> truth, boolean alive) {
        long customers = data.customers.stream().filter(DemoCustomer::emailOptIn)
                .filter(c -> c.signupAt().isBefore(SPEC.historyStart().atStartOfDay()))
                .filter(c -> truth.get(c.customerId()).aliveAtAsOf() == alive).count();
        long total = data.customers.stream().filter(DemoCustomer::emailOptIn)
                .filter(c -> c.signupAt().isBefore(SPEC.historyStart().atStartOfDay()))
                .filter(c -> truth.get(c.customerId()).aliveAtAsOf() == alive)
                .mapToLong(c -> opens.getOrDefault(c.customerId(), 0)).sum();
        return total / (double) customers;
    }
}
