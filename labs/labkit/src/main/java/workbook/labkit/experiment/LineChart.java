package workbook.labkit.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart written as a standalone SVG file, with no library: axes with round tick values, a
 * legend, one colour per series, optional horizontal reference lines (a limit, an SLO). Enough for
 * every experiment in the workbook, and readable in a browser, on GitHub and in the slides.
 */
public final class LineChart {
    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 210;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private boolean steps;
    private Double yMax;

    private record Series(String name, double[] xs, double[] ys) {
    }

    private record Reference(String name, double y) {
    }

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart series(String name, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("series " + name + ": " + xs.length + " x values but " + ys.length + " y values");
        }
        series.add(new Series(name, xs.clone(), ys.clone()));
        return this;
    }

    public LineChart series(String name, List<? extends Number> xs, List<? extends Number> ys) {
        return series(name, xs.stream().mapToDouble(Number::doubleValue).toArray(), ys.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** A dashed horizontal line, such as the configured limit. */
    public LineChart reference(String name, double y) {
        references.add(new Reference(name, y));
        return this;
    }

    /** Draws each series as steps (a value holds until the next point), right for counts per interval. */
    public LineChart steps() {
        this.steps = true;
        return this;
    }

    public LineChart yMax(double max) {
        this.yMax = max;
        return this;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, svg(), StandardCharsets.UTF_8);
    }

    public String svg() {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = 0;
        for (Series s : series) {
            for (int i = 0; i < s.xs.length; i++) {
                minX = Math.min(minX, s.xs[i]);
                maxX = Math.max(maxX, s.xs[i]);
                maxY = Math.max(maxY, s.ys[i]);
            }
        }
        for (Reference r : references) {
            maxY = Math.max(maxY, r.y);
        }
        if (series.isEmpty()) {
            minX = 0;
            maxX = 1;
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        double yTop = niceCeiling(yMax != null ? yMax : maxY * 1.05);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double x0 = minX, x1 = maxX;
        java.util.function.DoubleUnaryOperator px = x -> LEFT + (x - x0) / (x1 - x0) * plotWidth;
        java.util.function.DoubleUnaryOperator py = y -> TOP + plotHeight - (Math.min(y, yTop) / yTop) * plotHeight;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"18\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
        // grid and y ticks
        for (int i = 0; i <= 5; i++) {
            double value = yTop * i / 5;
            double y = py.applyAsDouble(value);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n", LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%s</text>%n", LEFT - 8, y + 4, format(value)));
        }
        // x ticks on round values (0, 1000, 2000... rather than 1, 834.2, 1667.3...)
        double xStep = niceCeiling((x1 - x0) / 6);
        for (double value = Math.ceil(x0 / xStep) * xStep; value <= x1 + xStep * 1e-9; value += xStep) {
            double x = px.applyAsDouble(value);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n", x, TOP + plotHeight + 18, format(value)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>%n", LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>%n", LEFT, TOP, LEFT, TOP + plotHeight));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">%s</text>%n", LEFT + plotWidth / 2, HEIGHT - 15, escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(20 %.1f) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\">%s</text>%n", TOP + plotHeight / 2, escape(yLabel)));

        int legendY = TOP + 10;
        for (int r = 0; r < references.size(); r++) {
            Reference reference = references.get(r);
            double y = py.applyAsDouble(reference.y);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>%n", LEFT, y, LEFT + plotWidth, y));
            svg.append(legend(legendY, "#555", reference.name, true));
            legendY += 22;
        }
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < one.xs.length; i++) {
                double x = px.applyAsDouble(one.xs[i]);
                double y = py.applyAsDouble(one.ys[i]);
                if (steps && i > 0) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, py.applyAsDouble(one.ys[i - 1])));
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour, points.toString().trim()));
            svg.append(legend(legendY, colour, one.name, false));
            legendY += 22;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String legend(int y, String colour, String name, boolean dashed) {
        int x = WIDTH - RIGHT + 20;
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n",
                x, y, x + 24, y, colour, dashed ? " stroke-dasharray=\"6 4\"" : "", x + 30, y + 4, escape(name));
    }

    /** Rounds up to 1, 2 or 5 times a power of ten, so the axis reads 0, 20, 40... rather than 0, 17.3, 34.6... */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        if (Math.abs(value - Math.rint(value)) < 1e-9) {
            return String.format(Locale.ROOT, "%d", (long) Math.rint(value));
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
