package io.seglift.bench;

import io.seglift.spi.destination.Destinations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every measure in the order the bench runs them (later ones reuse what earlier ones made), and {@code --only}. */
public final class Measures {
    private Measures() {
    }

    public static List<Measure> all(Destinations destinations) {
        return List.of(new RfmMeasure(), new TrainMeasure(), ScoreMeasure.sql(), new SqlShapeMeasure(),
                ScoreMeasure.defaultPath(),
                new RescoreMeasure(), new PlanMeasure(destinations), new ColdStartMeasure());
    }

    /** The measures named in {@code only} (all when empty), in run order; unknown names are refused. */
    public static List<Measure> select(List<Measure> all, List<String> only) {
        if (only.isEmpty()) {
            return all;
        }
        Map<String, Measure> byName = new LinkedHashMap<>();
        all.forEach(m -> byName.put(m.name(), m));
        List<String> wanted = only.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        for (String w : wanted) {
            if (!byName.containsKey(w)) {
                throw new IllegalArgumentException("--only: unknown measure '" + w + "' (allowed: "
                        + String.join(", ", byName.keySet()) + ")");
            }
        }
        List<Measure> out = new ArrayList<>();
        byName.forEach((name, m) -> {
            if (wanted.contains(name)) out.add(m);
        });
        return out;
    }
}
