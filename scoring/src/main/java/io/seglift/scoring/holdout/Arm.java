package io.seglift.scoring.holdout;

/** The group a segment member is in; {@link #sql()} is the value stored in the warehouse. */
public enum Arm {
    TREATMENT("treatment"), HOLDOUT("holdout");

    private final String sql;

    Arm(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
