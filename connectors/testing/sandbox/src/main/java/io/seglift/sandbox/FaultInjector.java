package io.seglift.sandbox;

import java.util.SplittableRandom;

/** Draws the {@link Fault} for each request from a {@link FaultPlan}. Thread-safe; repeatable for a given seed. */
public final class FaultInjector {
    private final FaultPlan plan;
    private final SplittableRandom random;

    public FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.random = new SplittableRandom(plan.seed());
    }

    public FaultPlan plan() {
        return plan;
    }

    /** The fault for the next request. */
    public synchronized Fault next() {
        double u = random.nextDouble();
        double edge = plan.rateLimited();
        if (u < edge) return Fault.RATE_LIMITED;
        edge += plan.serverError();
        if (u < edge) return Fault.SERVER_ERROR;
        edge += plan.connectionReset();
        if (u < edge) return Fault.CONNECTION_RESET;
        edge += plan.delayed();
        if (u < edge) return Fault.DELAY;
        edge += plan.partial();
        if (u < edge) return Fault.PARTIAL;
        return Fault.NONE;
    }

    /** Whether one row of a partial answer fails; drawn from the same seeded source. */
    public synchronized boolean failRow() {
        return random.nextDouble() < plan.partialRowShare();
    }
}
