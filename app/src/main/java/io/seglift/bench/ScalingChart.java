package io.seglift.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small hand-written SVG chart of the scaling run: seconds against customers, one line per step, log-log axes. */
public final class ScalingChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;
    private static final List<String> COLOURS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd");

    private ScalingChart() {
    }

    public static String svg(List<ScalingPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no scaling points to chart");
        }
        double minX = Math.log10(points.stream().mapToLong(ScalingPoint::customers).min().orElseThrow());
        double maxX = Math.log10(points.stream().mapToLong(ScalingPoint::customers).max().orElseThrow());
        double minY = Math.floor(Math.log10(points.stream().mapToDouble(p -> positive(p.seconds())).min().orElseThrow()));
        double maxY = Math.ceil(Math.log10(points.stream().mapToDouble(p -> positive(p.seconds())).max().orElseThrow()));
        if (maxX - minX < 1e-9) {
            minX -= 0.5;
            maxX += 0.5;
        }
        if (maxY - minY < 1e-9) {
            maxY += 1;
        }
        Axes a = new Axes(minX, maxX, minY, maxY);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        b.append("<title>seglift bench --scaling: seconds vs customers (log-log)</title>\n");
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#888\"/>%n", LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (int e = (int) minY; e <= (int) maxY; e++) {
            double y = a.y(e);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s s</text>%n", LEFT, y, WIDTH - RIGHT, y,
                    LEFT - 6, y + 4, number(Math.pow(10, e))));
        }
        for (long n : points.stream().map(ScalingPoint::customers).distinct().sorted().toList()) {
            double x = a.x(Math.log10(n));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    HEIGHT - BOTTOM + 18, number(n)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">customers (10 orders each)"
                + "</text>%n", LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 12));
        Map<String, List<ScalingPoint>> byStep = new LinkedHashMap<>();
        points.forEach(p -> byStep.computeIfAbsent(p.step(), k -> new ArrayList<>()).add(p));
        int i = 0;
        for (var e : byStep.entrySet()) {
            String colour = COLOURS.get(i % COLOURS.size());
            List<String> xy = e.getValue().stream().sorted(java.util.Comparator.comparingLong(ScalingPoint::customers))
                    .map(p -> String.format(Locale.ROOT, "%.1f,%.1f", a.x(Math.log10(p.customers())),
                            a.y(Math.log10(positive(p.seconds()))))).toList();
            b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                    + " points=\"%s\"/>%n", colour, String.join(" ", xy)));
            for (String pt : xy) {
                String[] c = pt.split(",");
                b.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n", c[0], c[1],
                        colour));
            }
            int ly = TOP + 16 + 18 * i;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 12, ly - 4,
                    WIDTH - RIGHT + 32, ly - 4, colour, WIDTH - RIGHT + 38, ly, escape(e.getKey())));
            i++;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static double positive(double seconds) {
        return Math.max(seconds, 1e-3);
    }

    static String number(double v) {
        if (v >= 1e6 && v % 1e6 == 0) return (long) (v / 1e6) + "M";
        if (v >= 1e3 && v % 1e3 == 0) return (long) (v / 1e3) + "k";
        return v >= 1 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%s", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Log10 values to pixels. */
    private record Axes(double minX, double maxX, double minY, double maxY) {
        double x(double logX) {
            return LEFT + (logX - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
        }

        double y(double logY) {
            return HEIGHT - BOTTOM - (logY - minY) / (maxY - minY) * (HEIGHT - TOP - BOTTOM);
        }
    }
}
