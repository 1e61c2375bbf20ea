package io.seglift.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlternationTest {
    private final AtomicLong now = new AtomicLong();
    private final List<String> order = new ArrayList<>();

    private Alternation.Step step(String name, long... nanosPerRun) {
        int[] i = {0};
        return new Alternation.Step() {
            @Override
            public void prepare() {
                now.addAndGet(1_000_000_000_000L); // preparation is not timed
                order.add("prepare " + name);
            }

            @Override
            public void run() {
                now.addAndGet(nanosPerRun[i[0]++]);
                order.add(name);
            }
        };
    }

    @Test
    void alternatesWhichSideGoesFirstAndKeepsTheMedianOfEach() throws Exception {
        double[] t = new Alternation(3, now::get).run(step("S", 5_000_000_000L, 1_000_000_000L, 3_000_000_000L),
                step("B", 2_000_000_000L, 6_000_000_000L, 4_000_000_000L));

        assertThat(order.stream().filter(s -> !s.startsWith("prepare")).toList())
                .containsExactly("S", "B", "B", "S", "S", "B");
        assertThat(t[0]).isEqualTo(3.0);
        assertThat(t[1]).isEqualTo(4.0);
    }

    @Test
    void refusesFewerThanOneRepeat() {
        assertThatThrownBy(() -> new Alternation(0, now::get)).hasMessageContaining("--repeats");
    }
}
