package io.seglift.scoring.holdout;

import io.seglift.spi.warehouse.Dialect;

/** SQL for a member's bucket and arm, the set-wise twin of {@link HoldoutHash}. */
public final class HoldoutSql {
    private final Dialect d;

    public HoldoutSql(Dialect dialect) {
        this.d = dialect;
    }

    /** The bucket expression of a text key expression under {@code salt}. */
    public String bucket(String salt, String keyExpr) {
        return d.holdoutBucket(d.literal(salt), keyExpr);
    }

    /** {@code 'holdout'} or {@code 'treatment'}. */
    public String arm(String salt, String keyExpr, double fraction) {
        return "CASE WHEN " + bucket(salt, keyExpr) + " < " + HoldoutHash.threshold(fraction) + " THEN "
                + d.literal(Arm.HOLDOUT.sql()) + " ELSE " + d.literal(Arm.TREATMENT.sql()) + " END";
    }
}
