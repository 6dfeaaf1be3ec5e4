package workbook.labkit.experiment;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart written as an SVG file, for the experiments. JFreeChart lays it out (round ticks,
 * a wrapped title, a legend) and JFreeSVG writes the drawing as SVG with real text, readable in a
 * browser, on GitHub and in the slides. This class only fixes the workbook's look: one colour per
 * series, dashed labelled reference lines (a limit, an SLO), optional steps, log scale and clock times.
 */
public final class LineChart {
    private static final Color[] COLOURS = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<XYSeries> series = new ArrayList<>();
    private final List<ValueMarker> references = new ArrayList<>();
    private boolean steps;
    private boolean logY;
    private boolean clockX;
    private Double yMax;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart series(String name, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("series " + name + ": " + xs.length + " x values but " + ys.length + " y values");
        }
        XYSeries one = new XYSeries(name, false, true);
        for (int i = 0; i < xs.length; i++) {
            one.add(xs[i], ys[i], false);
        }
        series.add(one);
        return this;
    }

    public LineChart series(String name, List<? extends Number> xs, List<? extends Number> ys) {
        return series(name, xs.stream().mapToDouble(Number::doubleValue).toArray(), ys.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** A dashed horizontal line labelled on the chart, such as a limit; put its unit in the name. */
    public LineChart reference(String name, double y) {
        ValueMarker marker = new ValueMarker(y, Color.DARK_GRAY,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
        marker.setLabel(name);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        marker.setLabelOffset(new RectangleInsets(2, 6, 2, 6));
        references.add(marker);
        return this;
    }

    /** Draws each series as steps (a value holds until the next point), right for counts per interval. */
    public LineChart steps() {
        this.steps = true;
        return this;
    }

    /** A logarithmic y axis, for a series that would look flat next to a much larger one (points at 0 are left out). */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    /** The x values are minutes since midnight: ticks read as clock times (09:00) on round hours. */
    public LineChart clockTimeX() {
        this.clockX = true;
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
        // JFreeChart's default draws rotated text (the y axis label) as glyph outlines; as plain text it stays text in the SVG.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart().draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        return svg.getSVGDocument();
    }

    private JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries one : series) {
            data.addSeries(logY ? withoutNonPositive(one) : one);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        x.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        if (series.stream().allMatch(one -> integral(one, true))) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // page 1, 2, 3 rather than 1.0, 1.1, 1.2...
        }
        if (clockX) {
            x.setNumberFormatOverride(new ClockTime());
            x.setTickUnit(new NumberTickUnit(clockStep(data)));
        }
        XYLineAndShapeRenderer renderer = steps ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // one SVG path a series, not one element a segment
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        ValueAxis y = yAxis();
        for (ValueAxis axis : new ValueAxis[]{x, y}) {
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe5e5e5));
        plot.setRangeGridlinePaint(new Color(0xe5e5e5));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        references.forEach(plot::addRangeMarker);

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        TextTitle heading = new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 17));
        heading.setPadding(new RectangleInsets(8, 8, 4, 8));
        chart.setTitle(heading);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return chart;
    }

    private ValueAxis yAxis() {
        double highest = references.stream().mapToDouble(ValueMarker::getValue).max().orElse(0);
        for (XYSeries one : series) {
            highest = Math.max(highest, one.getMaxY());
        }
        if (logY) {
            LogAxis axis = new LogAxis(yLabel);
            axis.setBase(10);
            axis.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
            axis.setTickUnit(new NumberTickUnit(1), false, false); // one tick a power of ten: 10, 100, 1,000
            axis.setAutoTickUnitSelection(false);
            double lowest = series.stream().flatMap(one -> one.getItems().stream())
                    .mapToDouble(item -> ((org.jfree.data.xy.XYDataItem) item).getYValue()).filter(y -> y > 0).min().orElse(1);
            // From the power of ten below the lowest point to the one above the highest, so both ends carry a tick.
            axis.setRange(Math.pow(10, Math.floor(Math.log10(lowest))), Math.pow(10, Math.ceil(Math.log10(Math.max(highest, lowest * 10)))));
            return axis;
        }
        NumberAxis axis = new NumberAxis(yLabel);
        axis.setAutoRangeIncludesZero(true);
        axis.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        if (series.stream().allMatch(one -> integral(one, false))) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        double top = yMax != null ? yMax : highest * 1.08;
        if (top > 0 && !Double.isNaN(top)) {
            axis.setRange(0, top); // room above the highest point and every reference line
        }
        return axis;
    }

    private static boolean integral(XYSeries one, boolean xValues) {
        for (int i = 0; i < one.getItemCount(); i++) {
            double value = (xValues ? one.getX(i) : one.getY(i)).doubleValue();
            if (value != Math.rint(value)) {
                return false;
            }
        }
        return true;
    }

    private static XYSeries withoutNonPositive(XYSeries one) {
        XYSeries kept = new XYSeries(one.getKey(), false, true);
        for (int i = 0; i < one.getItemCount(); i++) {
            if (one.getY(i).doubleValue() > 0) {
                kept.add(one.getX(i), one.getY(i), false);
            }
        }
        return kept;
    }

    /** One, two, three or six hours between ticks, whichever gives at most about eight of them. */
    private static double clockStep(XYSeriesCollection data) {
        double span = data.getSeriesCount() == 0 ? 60 : data.getDomainUpperBound(false) - data.getDomainLowerBound(false);
        for (int hours : new int[]{1, 2, 3, 6}) {
            if (span / (hours * 60.0) <= 8) {
                return hours * 60.0;
            }
        }
        return 12 * 60.0;
    }

    /** Minutes since midnight shown as HH:MM. */
    private static final class ClockTime extends NumberFormat {
        @Override
        public StringBuffer format(double minutes, StringBuffer out, FieldPosition position) {
            long whole = Math.round(minutes);
            return out.append(String.format("%02d:%02d", Math.floorMod(whole / 60, 24), Math.floorMod(whole, 60)));
        }

        @Override
        public StringBuffer format(long minutes, StringBuffer out, FieldPosition position) {
            return format((double) minutes, out, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("clock times are only written");
        }
    }
}
