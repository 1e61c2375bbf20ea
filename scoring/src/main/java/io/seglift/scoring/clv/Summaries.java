package io.seglift.scoring.clv;

import java.util.Arrays;

/**
 * The numeric per-customer summaries a fit needs, held as arrays: repeat purchase days {@code x}, recency {@code tx}
 * (weeks from the first to the last purchase day), age {@code T} (weeks from the first purchase day to the end of the
 * period), average repeat spend {@code m} (NaN when {@code x = 0}) and, when a holdout period was observed, purchase
 * days in it ({@code holdout}). Customer keys are not kept: the fit needs only these numbers.
 */
public final class Summaries {
    private int n;
    private double[] x = new double[1024];
    private double[] tx = new double[1024];
    private double[] age = new double[1024];
    private double[] m = new double[1024];
    private double[] holdout = new double[1024];

    /** Appends one customer. */
    public void add(double x, double tx, double age, double m, double holdout) {
        if (n == this.x.length) {
            int size = n * 2;
            this.x = Arrays.copyOf(this.x, size);
            this.tx = Arrays.copyOf(this.tx, size);
            this.age = Arrays.copyOf(this.age, size);
            this.m = Arrays.copyOf(this.m, size);
            this.holdout = Arrays.copyOf(this.holdout, size);
        }
        set(n++, x, tx, age, m, holdout);
    }

    /** Replaces customer {@code i} (reservoir sampling). */
    public void set(int i, double x, double tx, double age, double m, double holdout) {
        this.x[i] = x;
        this.tx[i] = tx;
        this.age[i] = age;
        this.m[i] = m;
        this.holdout[i] = holdout;
    }

    public int size() {
        return n;
    }

    public double x(int i) {
        return x[i];
    }

    public double tx(int i) {
        return tx[i];
    }

    public double age(int i) {
        return age[i];
    }

    public double m(int i) {
        return m[i];
    }

    public double holdout(int i) {
        return holdout[i];
    }

    /** Customers with at least one repeat purchase day. */
    public int repeatBuyers() {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] > 0) k++;
        }
        return k;
    }
}
