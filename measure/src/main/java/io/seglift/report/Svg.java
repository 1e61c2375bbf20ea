package io.seglift.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tiny SVG builder with a plot area, linear scales and axes. Data marks carry {@code class="mark"} and a
 * {@code data-value} so tests (and screen readers, through {@code <title>}) can find what was drawn.
 */
final class Svg {
    final int width;
    final int height;
    final int left;
    final int right;
    final int top;
    final int bottom;
    private final StringBuilder body = new StringBuilder();
    private final String label;
    private double x0 = 0;
    private double x1 = 1;
    private double y0 = 0;
    private double y1 = 1;

    Svg(int width, int height, int left, int right, int top, int bottom, String label) {
        this.width = width;
        this.height = height;
        this.left = left;
        this.right = right;
        this.top = top;
        this.bottom = bottom;
        this.label = label;
    }

    Svg xDomain(double from, double to) {
        x0 = from;
        x1 = to == from ? from + 1 : to;
        return this;
    }

    Svg yDomain(double from, double to) {
        y0 = from;
        y1 = to == from ? from + 1 : to;
        return this;
    }

    double x(double v) {
        return left + (v - x0) / (x1 - x0) * (width - left - right);
    }

    double y(double v) {
        return height - bottom - (v - y0) / (y1 - y0) * (height - top - bottom);
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    Svg raw(String s) {
        body.append(s).append('\n');
        return this;
    }

    Svg line(double ax, double ay, double bx, double by, String stroke, double width, String dash) {
        body.append("<line x1=\"").append(f(ax)).append("\" y1=\"").append(f(ay)).append("\" x2=\"").append(f(bx))
                .append("\" y2=\"").append(f(by)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(f(width)).append('"');
        if (dash != null) body.append(" stroke-dasharray=\"").append(dash).append('"');
        body.append("/>\n");
        return this;
    }

    Svg text(double x, double y, String text, String anchor, String cls) {
        body.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" class=\"").append(cls).append("\">").append(Html.esc(text))
                .append("</text>\n");
        return this;
    }

    Svg mark(String shape, String attrs, double value, String title) {
        body.append('<').append(shape).append(" class=\"mark\" data-value=\"")
                .append(String.format(Locale.ROOT, "%.6g", value)).append("\" ").append(attrs).append("><title>")
                .append(Html.esc(title)).append("</title></").append(shape).append(">\n");
        return this;
    }

    Svg polyline(List<double[]> points, String stroke, double width, String dash) {
        StringBuilder p = new StringBuilder();
        for (double[] pt : points) p.append(f(x(pt[0]))).append(',').append(f(y(pt[1]))).append(' ');
        body.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(f(width))
                .append("\" stroke-linejoin=\"round\"").append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                .append(" points=\"").append(p.toString().trim()).append("\"/>\n");
        return this;
    }

    /** Horizontal grid lines and labels on the y axis. */
    Svg yAxis(List<Double> ticks, java.util.function.DoubleFunction<String> fmt) {
        for (double t : ticks) {
            line(left, y(t), width - right, y(t), Palette.LIGHT, 1, null);
            text(left - 8, y(t) + 4, fmt.apply(t), "end", "tick");
        }
        return this;
    }

    /** Vertical grid lines and labels on the x axis. */
    Svg xAxis(List<Double> ticks, java.util.function.DoubleFunction<String> fmt) {
        for (double t : ticks) {
            line(x(t), top, x(t), height - bottom, Palette.LIGHT, 1, null);
            text(x(t), height - bottom + 18, fmt.apply(t), "middle", "tick");
        }
        line(left, height - bottom, width - right, height - bottom, "#9CA3AF", 1, null);
        return this;
    }

    /** About {@code n} round tick values covering [lo, hi]. */
    static List<Double> ticks(double lo, double hi, int n) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo)) {
            out.add(lo);
            return out;
        }
        double raw = (hi - lo) / n;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9 * step; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out;
    }

    /** [lo, hi] widened to round numbers. */
    static double[] nice(double lo, double hi) {
        if (!(hi > lo)) {
            double pad = Math.max(Math.abs(lo) * 0.1, 1e-3);
            lo -= pad;
            hi += pad;
        }
        List<Double> t = ticks(lo, hi, 5);
        double step = t.size() > 1 ? t.get(1) - t.get(0) : (hi - lo);
        return new double[]{Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step};
    }

    @Override
    public String toString() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width
                + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + Html.esc(label) + "\" class=\"chart\">\n"
                + "<title>" + Html.esc(label) + "</title>\n" + body + "</svg>";
    }
}
