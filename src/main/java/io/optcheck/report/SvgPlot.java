package io.optcheck.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A small line-plot writer: curves over steps as one inline {@code <svg>} element, with labelled
 * axes, a legend, an optional violation marker, and notes that say what could not be drawn as is.
 * Written for the HTML report: no dependency, no script, deterministic output (coordinates with
 * one decimal, every number through {@link Locale#ROOT}), all text escaped.
 *
 * <p>Rules, each stated on the plot when it applies:
 * <ul>
 *   <li><b>Log scale</b> ({@link Scale#LOG}): values {@code <= 0} and {@code -Infinity} cannot be
 *       placed; they are clipped to the bottom edge and drawn as a down-pointing triangle, and the
 *       line is broken there. {@code +Infinity} is clipped to the top edge as an up-pointing
 *       triangle on either scale. NaN is not drawn.</li>
 *   <li><b>Downsampling</b>: each curve keeps, per pixel column of the plot area, its minimum and
 *       maximum point ({@link Downsample#minMax}), so no spike is hidden.</li>
 *   <li><b>Automatic scale</b> ({@link #autoScale}): log when at least half of the finite values are
 *       positive and the positive ones span at least two decades (a geometric rate over tens of
 *       steps does), else linear.</li>
 * </ul>
 *
 * <p>Each curve is a {@code <g class="curve" data-curve="name" data-total="n" data-kept="k"
 * data-clipped="c" data-nan="m">} holding one {@code <path class="line">} whose vertices are the kept
 * points that could be placed, and one {@code class="clip"} triangle per clipped point, so the kept
 * points are exactly the path's vertices plus the triangles.
 */
public final class SvgPlot {

    /** Total width of the SVG in pixels. */
    public static final int WIDTH = 660;
    /** Height of the SVG without notes. */
    public static final int HEIGHT = 310;

    static final int LEFT = 84;
    static final int RIGHT = 16;
    static final int TOP = 42;
    static final int BOTTOM = 52;
    /** Width of the plot area in pixels: the number of pixel columns downsampling keeps min and max of. */
    public static final int AREA_WIDTH = WIDTH - LEFT - RIGHT;

    static final int AREA_HEIGHT = HEIGHT - TOP - BOTTOM;
    static final int NOTE_HEIGHT = 15;
    /** Up to this many kept points, each point also gets a dot, so short series stay visible. */
    static final int DOTS_UP_TO = 60;

    /** Vertical scale. */
    public enum Scale {
        LINEAR,
        LOG
    }

    /** How a curve is drawn. */
    public enum Style {
        /** A measured quantity (solid blue). */
        MEASURED("#1f5fbf", "2", null),
        /** A bound (dashed dark grey). */
        BOUND("#444444", "1.6", "7 4"),
        /** A counterexample's trajectory (thick solid orange-red with dots). */
        COUNTEREXAMPLE("#d4380d", "2.6", null),
        /** Further curves (observations): solid, colours in turn. */
        OTHER("#2e7d32", "1.8", null);

        final String colour;
        final String width;
        final String dash;

        Style(String colour, String width, String dash) {
            this.colour = colour;
            this.width = width;
            this.dash = dash;
        }
    }

    private static final String[] OTHER_COLOURS = {"#2e7d32", "#6a1b9a", "#00838f", "#ad1457", "#5d4037"};

    /**
     * One curve: point {@code i} is at step {@code firstStep + i}.
     *
     * @param name      shown in the legend; any text
     * @param firstStep the step of the first value
     * @param y         the values; copied
     * @param style     how to draw it
     */
    public record Curve(String name, double firstStep, double[] y, Style style) {
        public Curve {
            Objects.requireNonNull(name, "name");
            y = y.clone();
            Objects.requireNonNull(style, "style");
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Scale scale;
    private final List<Curve> curves;
    private final String violationCurve;
    private final double violationStep;
    private final String id;

    private SvgPlot(Builder b) {
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.curves = List.copyOf(b.curves);
        this.scale = b.scale != null ? b.scale : autoScale(curves);
        this.violationCurve = b.violationCurve;
        this.violationStep = b.violationStep;
        this.id = b.id;
    }

    /** A new plot. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent configuration; {@link #render()} writes the SVG. */
    public static final class Builder {
        private String title = "";
        private String xLabel = "step t [iterations]";
        private String yLabel = "value";
        private Scale scale;
        private final List<Curve> curves = new ArrayList<>();
        private String violationCurve;
        private double violationStep = Double.NaN;
        private String id = "";

        public Builder title(String v) {
            this.title = Objects.requireNonNull(v);
            return this;
        }

        public Builder xLabel(String v) {
            this.xLabel = Objects.requireNonNull(v);
            return this;
        }

        public Builder yLabel(String v) {
            this.yLabel = Objects.requireNonNull(v);
            return this;
        }
        /** The vertical scale; null (the default) chooses with {@link #autoScale}. */
        public Builder scale(Scale v) {
            this.scale = v;
            return this;
        }

        public Builder curve(Curve c) {
            this.curves.add(Objects.requireNonNull(c));
            return this;
        }
        /** Written as the SVG's {@code data-plot} attribute, so tests and readers can find it. */
        public Builder id(String v) {
            this.id = Objects.requireNonNull(v);
            return this;
        }
        /** Marks the violation: the point of curve {@code curve} at step {@code step}. */
        public Builder violation(String curve, double step) {
            this.violationCurve = Objects.requireNonNull(curve);
            this.violationStep = step;
            return this;
        }

        public String render() {
            return new SvgPlot(this).svg();
        }

        public Scale scale() {
            return new SvgPlot(this).scale;
        }
    }

    /** Log when at least half of the finite values are positive and the positive ones span >= 2 decades. */
    public static Scale autoScale(List<Curve> curves) {
        int finite = 0;
        int positive = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Curve c : curves) {
            for (double v : c.y) {
                if (Double.isFinite(v)) {
                    finite++;
                    if (v > 0) {
                        positive++;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return positive >= 2 && 2 * positive >= finite && hi / lo >= 100 ? Scale.LOG : Scale.LINEAR;
    }

    // ------------------------------------------------------------------ rendering

    /** Maps values to pixels; in log scale it works on log10 of the value. */
    private final class Frame {
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo;
        double yHi;
        boolean hasY;

        Frame() {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Curve c : curves) {
                if (c.y.length > 0) {
                    xLo = Math.min(xLo, c.firstStep);
                    xHi = Math.max(xHi, c.firstStep + c.y.length - 1);
                }
                for (double v : c.y) {
                    if (placeable(v)) {
                        double t = scale == Scale.LOG ? Math.log10(v) : v;
                        lo = Math.min(lo, t);
                        hi = Math.max(hi, t);
                    }
                }
            }
            if (xLo > xHi) {
                xLo = 0;
                xHi = 1;
            }
            if (xLo == xHi) {
                double pad = Math.max(1, 4 * Math.ulp(xLo)); // at 1e17, +-1 would change nothing
                xLo -= pad;
                xHi += pad;
            }
            hasY = lo <= hi;
            if (!hasY) {
                lo = scale == Scale.LOG ? 0 : 0;
                hi = 1;
            }
            if (scale == Scale.LOG) {
                lo = Math.floor(lo);
                hi = Math.ceil(hi);
                if (lo == hi) {
                    hi += 1;
                }
            } else {
                if (lo == hi) {
                    double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                    lo -= pad;
                    hi += pad;
                } else {
                    double pad = hi * 0.05 - lo * 0.05;
                    lo = Double.isFinite(lo - pad) ? lo - pad : lo;
                    hi = Double.isFinite(hi + pad) ? hi + pad : hi;
                }
            }
            yLo = lo;
            yHi = hi;
        }

        double px(double x) {
            return LEFT + (x - xLo) / (xHi - xLo) * AREA_WIDTH;
        }

        /** Pixel row of a placeable value. */
        double py(double v) {
            double t = scale == Scale.LOG ? Math.log10(v) : v;
            // halves, so that a range from -1e308 to 1e308 does not overflow
            return TOP + (1 - (t * 0.5 - yLo * 0.5) / (yHi * 0.5 - yLo * 0.5)) * AREA_HEIGHT;
        }
    }

    private boolean placeable(double v) {
        return Double.isFinite(v) && (scale == Scale.LINEAR || v > 0);
    }

    private String svg() {
        Frame f = new Frame();
        List<String> notes = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int otherIndex = 0;
        for (Curve c : curves) {
            String colour =
                    c.style == Style.OTHER ? OTHER_COLOURS[otherIndex++ % OTHER_COLOURS.length] : c.style.colour;
            body.append(curve(c, colour, f, notes));
        }
        String marker = violationMarker(f);
        int height = HEIGHT + NOTE_HEIGHT * notes.size();
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" role=\"img\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" data-plot=\"")
                .append(Html.attr(id))
                .append("\" data-scale=\"")
                .append(scale == Scale.LOG ? "log" : "linear")
                .append("\" font-family=\"sans-serif\" font-size=\"11\">");
        sb.append("<title>").append(Html.text(title)).append("</title>");
        sb.append("<rect x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(TOP)
                .append("\" width=\"")
                .append(AREA_WIDTH)
                .append("\" height=\"")
                .append(AREA_HEIGHT)
                .append("\" fill=\"#fbfbfd\" stroke=\"#999\"/>");
        sb.append(axes(f));
        sb.append("<g class=\"curves\">").append(body).append("</g>");
        sb.append(marker);
        sb.append(legend());
        sb.append(text(LEFT, 14, "start", "bold", title, "plot-title"));
        for (int k = 0; k < notes.size(); k++) {
            sb.append(text(LEFT, HEIGHT - 4 + NOTE_HEIGHT * (k + 1) - 2, "start", null, notes.get(k), "note"));
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private String curve(Curve c, String colour, Frame f, List<String> notes) {
        double[] y = c.y;
        int[] kept = Downsample.minMax(y, AREA_WIDTH);
        // The notes count every value of the series, not only the kept ones.
        int nan = 0;
        int low = 0;
        int high = 0;
        for (double v : y) {
            if (Double.isNaN(v)) {
                nan++;
            } else if (v == Double.POSITIVE_INFINITY) {
                high++;
            } else if (!placeable(v)) {
                low++;
            }
        }
        StringBuilder d = new StringBuilder();
        StringBuilder extras = new StringBuilder();
        boolean open = false;
        int clippedLow = 0;
        int clippedHigh = 0;
        for (int idx : kept) {
            double v = y[idx];
            double x = f.px(c.firstStep + idx);
            if (placeable(v)) {
                double yy = f.py(v);
                d.append(open ? " L" : (d.length() == 0 ? "M" : " M"))
                        .append(num(x))
                        .append(' ')
                        .append(num(yy));
                open = true;
                if (kept.length <= DOTS_UP_TO) {
                    extras.append("<circle class=\"pt\" cx=\"")
                            .append(num(x))
                            .append("\" cy=\"")
                            .append(num(yy))
                            .append("\" r=\"2.6\" fill=\"")
                            .append(colour)
                            .append("\"/>");
                }
            } else {
                open = false;
                boolean top = v == Double.POSITIVE_INFINITY;
                if (top) {
                    clippedHigh++;
                } else {
                    clippedLow++;
                }
                double yy = top ? TOP : TOP + AREA_HEIGHT;
                String tri = top
                        ? "M" + num(x) + " " + num(yy) + " l-4 7 h8 z"
                        : "M" + num(x) + " " + num(yy) + " l-4 -7 h8 z";
                extras.append("<path class=\"clip\" d=\"")
                        .append(tri)
                        .append("\" fill=\"")
                        .append(colour)
                        .append("\" data-step=\"")
                        .append(num(c.firstStep + idx))
                        .append("\"/>");
            }
        }
        String name = c.name;
        if (low > 0) {
            notes.add((scale == Scale.LOG ? "log scale: " : "") + low + " value" + plural(low)
                    + (scale == Scale.LOG ? " <= 0 or -inf" : " = -inf") + " of '" + name
                    + "' clipped: drawn as \u25bc on the bottom edge");
        }
        if (high > 0) {
            notes.add(high + " value" + plural(high) + " = +inf of '" + name
                    + "' clipped: drawn as \u25b2 on the top edge");
        }
        if (nan > 0) {
            notes.add(nan + " NaN value" + plural(nan) + " of '" + name + "' not drawn");
        }
        if (kept.length + nan < y.length) {
            notes.add("'" + name + "': " + y.length + " points drawn as " + kept.length
                    + " (min and max of each of the " + AREA_WIDTH + " pixel columns kept)");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<g class=\"curve curve-")
                .append(c.style.name().toLowerCase(Locale.ROOT))
                .append("\" data-curve=\"")
                .append(Html.attr(name))
                .append("\" data-total=\"")
                .append(y.length)
                .append("\" data-kept=\"")
                .append(kept.length)
                .append("\" data-clipped=\"")
                .append(clippedLow + clippedHigh)
                .append("\" data-nan=\"")
                .append(nan)
                .append("\">");
        sb.append("<path class=\"line\" d=\"")
                .append(d)
                .append("\" fill=\"none\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"")
                .append(c.style.width)
                .append("\" stroke-linejoin=\"round\"");
        if (c.style.dash != null) {
            sb.append(" stroke-dasharray=\"").append(c.style.dash).append('"');
        }
        sb.append("/>");
        sb.append(extras).append("</g>");
        return sb.toString();
    }

    private String violationMarker(Frame f) {
        if (violationCurve == null) {
            return "";
        }
        Curve c = curves.stream()
                .filter(k -> k.name.equals(violationCurve))
                .findFirst()
                .orElse(null);
        double x = f.px(violationStep);
        double yy = TOP + AREA_HEIGHT / 2.0;
        if (c != null) {
            int idx = (int) Math.round(violationStep - c.firstStep);
            if (idx >= 0 && idx < c.y.length) {
                double v = c.y[idx];
                yy = placeable(v) ? f.py(v) : v == Double.POSITIVE_INFINITY ? TOP : TOP + AREA_HEIGHT;
            }
        }
        String label = "violation at t = " + num(violationStep);
        boolean leftSide = x > LEFT + AREA_WIDTH * 0.6;
        return "<g class=\"violation\" data-step=\"" + num(violationStep) + "\">"
                + "<line x1=\"" + num(x) + "\" y1=\"" + TOP + "\" x2=\"" + num(x) + "\" y2=\"" + (TOP + AREA_HEIGHT)
                + "\" stroke=\"#b00020\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>"
                + "<circle cx=\"" + num(x) + "\" cy=\"" + num(yy)
                + "\" r=\"8\" fill=\"none\" stroke=\"#b00020\" stroke-width=\"2.5\"/>"
                + text(
                        leftSide ? x - 12 : x + 12,
                        Math.max(TOP + 12, yy - 10),
                        leftSide ? "end" : "start",
                        "bold",
                        label,
                        "violation-label")
                + "</g>";
    }

    private String axes(Frame f) {
        StringBuilder sb = new StringBuilder("<g class=\"axes\">");
        // x ticks: whole steps
        double span = f.xHi - f.xLo;
        double step = Math.max(1, niceStep(span / 6));
        double x0 = Math.ceil(f.xLo / step) * step;
        for (int j = 0; j <= 20 && x0 + j * step <= f.xHi + 1e-9; j++) { // bounded: at most 21 ticks
            double x = x0 + j * step;
            double px = f.px(x);
            sb.append("<line x1=\"")
                    .append(num(px))
                    .append("\" y1=\"")
                    .append(TOP + AREA_HEIGHT)
                    .append("\" x2=\"")
                    .append(num(px))
                    .append("\" y2=\"")
                    .append(TOP + AREA_HEIGHT + 4)
                    .append("\" stroke=\"#666\"/>");
            sb.append(text(px, TOP + AREA_HEIGHT + 16, "middle", null, Fmt.sig(x, 8, "inf"), "tick"));
        }
        sb.append(text(LEFT + AREA_WIDTH / 2.0, TOP + AREA_HEIGHT + 34, "middle", null, xLabel, "axis-label"));
        // y ticks
        if (scale == Scale.LOG) {
            int lo = (int) f.yLo;
            int hi = (int) f.yHi;
            int every = Math.max(1, (int) Math.ceil((hi - lo) / 6.0));
            for (int k = lo; k <= hi; k += every) {
                double py = TOP + (1 - (k - f.yLo) / (f.yHi - f.yLo)) * AREA_HEIGHT;
                sb.append(yTick(py, decade(k)));
            }
        } else {
            List<Double> ticks = linearTicks(f.yLo, f.yHi);
            List<String> labels = tickLabels(ticks);
            for (int j = 0; j < ticks.size(); j++) {
                sb.append(yTick(f.py(ticks.get(j)), labels.get(j)));
            }
        }
        String yl = yLabel + (scale == Scale.LOG ? " (log scale)" : "");
        sb.append("<text class=\"axis-label\" transform=\"translate(14 ")
                .append(num(TOP + AREA_HEIGHT / 2.0))
                .append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(Html.text(yl))
                .append("</text>");
        return sb.append("</g>").toString();
    }

    private String yTick(double py, String label) {
        return "<line x1=\"" + (LEFT - 4) + "\" y1=\"" + num(py) + "\" x2=\"" + (LEFT + AREA_WIDTH) + "\" y2=\""
                + num(py) + "\" stroke=\"#e2e2e8\"/>"
                + (label.isEmpty() ? "" : text(LEFT - 6, py + 4, "end", null, label, "tick"));
    }

    /**
     * Round ticks (multiples of 1, 2 or 5 times a power of ten) when at most 12 fit and the
     * multiples are exact; else six evenly spaced values. Always a bounded loop: a nearly constant
     * curve at 1e20 must not step through 2^53 multiples of a tiny tick.
     */
    static List<Double> linearTicks(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        double s = niceStep((hi - lo) / 5);
        double k0 = Math.ceil(lo / s);
        double k1 = Math.floor(hi / s);
        if (Double.isFinite(k0)
                && Double.isFinite(k1)
                && Math.abs(k0) < 0x1p50
                && Math.abs(k1) < 0x1p50
                && k1 - k0 <= 12
                && k1 >= k0) {
            for (int j = 0; j <= (int) (k1 - k0); j++) {
                out.add((k0 + j) * s);
            }
            return out;
        }
        for (int j = 0; j <= 5; j++) {
            double v = lo * (1 - j / 5.0) + hi * (j / 5.0);
            if (!out.contains(v)) { // a range of a few ulps has fewer than six doubles in it
                out.add(v);
            }
        }
        return out;
    }

    /** Labels with the fewest significant digits (3 to 17) that tell the ticks apart. */
    static List<String> tickLabels(List<Double> ticks) {
        List<String> labels = new ArrayList<>();
        for (int digits = 3; digits <= 17; digits++) {
            labels.clear();
            for (double v : ticks) {
                labels.add(Fmt.sig(v, digits, "inf"));
            }
            if (new HashSet<>(labels).size() == labels.size()) {
                break;
            }
        }
        return labels;
    }

    private String legend() {
        StringBuilder sb = new StringBuilder("<g class=\"legend\">");
        double x = LEFT + 4;
        double y = TOP - 10;
        int otherIndex = 0;
        for (Curve c : curves) {
            String colour =
                    c.style == Style.OTHER ? OTHER_COLOURS[otherIndex++ % OTHER_COLOURS.length] : c.style.colour;
            sb.append("<line x1=\"")
                    .append(num(x))
                    .append("\" y1=\"")
                    .append(num(y - 4))
                    .append("\" x2=\"")
                    .append(num(x + 22))
                    .append("\" y2=\"")
                    .append(num(y - 4))
                    .append("\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"")
                    .append(c.style.width)
                    .append('"')
                    .append(c.style.dash == null ? "" : " stroke-dasharray=\"" + c.style.dash + "\"")
                    .append("/>");
            String label = c.name;
            sb.append(text(x + 26, y, "start", null, label, "legend-label"));
            x += 34 + 6.2 * Math.min(label.length(), 40);
        }
        if (violationCurve != null) {
            sb.append("<circle cx=\"")
                    .append(num(x + 6))
                    .append("\" cy=\"")
                    .append(num(y - 4))
                    .append("\" r=\"5\" fill=\"none\" stroke=\"#b00020\" stroke-width=\"2\"/>");
            sb.append(text(x + 15, y, "start", null, "first violation", "legend-label"));
        }
        return sb.append("</g>").toString();
    }

    private static String text(double x, double y, String anchor, String weight, String s, String cls) {
        return "<text class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\""
                + (weight == null ? "" : " font-weight=\"" + weight + "\"") + ">" + Html.text(s) + "</text>";
    }

    /** 10^k as a label: plain for -3 <= k <= 5, else 1e<k>. */
    static String decade(int k) {
        if (k >= -3 && k <= 5) {
            return new BigDecimal(BigInteger.ONE, -k).toPlainString();
        }
        return "1e" + k;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / mag;
        double m = n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10;
        return m * mag;
    }

    /** A pixel coordinate with one decimal, locale independent. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
