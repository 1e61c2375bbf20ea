package io.seglift.scoring.propensity.score;

import io.seglift.spi.warehouse.Warehouse;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a model scores: in the warehouse with the model compiled to SQL, in the JVM, or {@link #AUTO}: the JVM when
 * the engine runs in this process ({@link Warehouse#inProcess()}, an embedded DuckDB: faster there, and rows leave
 * nothing but the process), SQL on a remote warehouse so that no customer row leaves it.
 */
public enum ScorePath {
    AUTO, SQL, JVM;

    /** The code as written on the command line and in {@link ScoreRun#path()}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The path a code names; the message lists the allowed codes. */
    public static ScorePath parse(String code) {
        for (ScorePath p : values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("scoring path '" + code + "' (allowed: " + allowed() + ")");
    }

    /** {@code auto, sql, jvm}. */
    public static String allowed() {
        return Arrays.stream(values()).map(ScorePath::code).collect(Collectors.joining(", "));
    }

    /** The concrete path on {@code warehouse}: this one, or for {@link #AUTO} the one its engine calls for. */
    public ScorePath on(Warehouse warehouse) {
        if (this != AUTO) {
            return this;
        }
        return warehouse.inProcess() ? JVM : SQL;
    }
}
