package io.seglift.demo;

/** The demo shop's eight product categories: name, share of demand and price level relative to the average. */
final class Catalog {
    static final String[] CATEGORIES = {"apparel", "footwear", "accessories", "home", "beauty", "electronics",
            "outdoor", "kids"};
    static final double[] POPULARITY = {0.22, 0.12, 0.14, 0.13, 0.15, 0.08, 0.09, 0.07};
    static final double[] PRICE_LEVEL = {1.0, 1.4, 0.6, 1.2, 0.5, 2.2, 1.5, 0.8};
    /** Total Dirichlet concentration of a customer's category preferences; small means customers specialise. */
    static final double PREFERENCE_CONCENTRATION = 2.5;

    private Catalog() {
    }

    static double[] preferenceConcentrations() {
        double[] alpha = new double[POPULARITY.length];
        for (int i = 0; i < alpha.length; i++) alpha[i] = POPULARITY[i] * PREFERENCE_CONCENTRATION;
        return alpha;
    }
}
