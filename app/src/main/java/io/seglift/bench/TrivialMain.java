package io.seglift.bench;

/** The bare JVM start {@code seglift bench}'s cold_start compares with: a main that does nothing. */
public final class TrivialMain {
    private TrivialMain() {
    }

    public static void main(String[] args) {
    }
}
