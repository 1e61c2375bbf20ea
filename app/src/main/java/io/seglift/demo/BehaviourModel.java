package io.seglift.demo;

/**
 * The parameters of the demo's behavioural model (docs/demo-data.md). Purchase rates are per day while a customer is
 * active; each purchase is followed by dropout with the customer's own probability (BG/NBD-like); spend per order is
 * log-normal around the customer's own mean (Gamma-Gamma-like).
 */
final class BehaviourModel {
    /** Gamma shape of the latent purchase rate: below 1 gives a long tail of very frequent buyers. */
    static final double RATE_SHAPE = 0.9;
    /** Mean latent purchase rate per day (about two orders a month while active). */
    static final double RATE_MEAN = 0.078;
    /** Beta(a, b) of the dropout probability after each purchase; mean a / (a + b), about 0.05. */
    static final double DROPOUT_A = 1.2;
    static final double DROPOUT_B = 22.0;
    /** Gamma(shape, scale) of a customer's mean order value: mean 4 * 16 = 64. */
    static final double SPEND_SHAPE = 4.0;
    static final double SPEND_SCALE = 16.0;
    /** Log-scale spread of one order's value around the customer's mean. */
    static final double SPEND_SIGMA = 0.45;
    /** Share of customers who signed up before the order history begins (up to three years before). */
    static final double SIGNED_UP_BEFORE_HISTORY = 0.35;
    static final int SIGNUP_YEARS_BEFORE = 3;
    /** Share of customers whose first purchase is at sign-up. */
    static final double BUYS_AT_SIGNUP = 0.85;
    static final double CANCELLED = 0.025;
    static final double REFUNDED = 0.003;
    /** Engagement propensity: Beta(a, b), the chance of opening a campaign email while active. */
    static final double ENGAGEMENT_A = 2.0;
    static final double ENGAGEMENT_B = 5.0;
    /** Opens of inactive customers relative to active ones. */
    static final double INACTIVE_OPEN_FACTOR = 0.3;
    static final double HAS_EMAIL = 0.95;
    static final double MALFORMED_EMAIL = 0.006;
    static final double EMAIL_OPT_IN_ACTIVE = 0.78;
    static final double EMAIL_OPT_IN_INACTIVE = 0.62;
    static final double HAS_PHONE = 0.60;
    static final double SMS_OPT_IN_OF_PHONES = 0.35;
    static final double DO_NOT_DISTURB = 0.08;
    static final double ADS_OPT_IN = 0.88;
    static final double SUPPRESSED = 0.012;
    /** Orders whose customer is not in the customers table, per customer. */
    static final double ORPHAN_ORDERS_PER_CUSTOMER = 0.0005;

    private BehaviourModel() {
    }
}
