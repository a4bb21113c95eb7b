package io.livecommerce.examples.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Charts drawn by JFreeChart into SVG by JFreeSVG, as inline {@code <svg>} elements. Deterministic: the same data
 * give the same SVG text (the element ids come from a counter per report, not the clock).
 *
 * <p>Not thread-safe: one per report.
 */
final class Charts {

  static final int WIDTH = 720;
  static final int HEIGHT = 380;

  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0x7f7f7f), new Color(0x17becf)};

  private final AtomicInteger ids = new AtomicInteger();

  static {
    System.setProperty("java.awt.headless", "true"); // fonts and metrics only; no display is ever opened
    StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
    theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(new Color(0xdddddd));
    theme.setRangeGridlinePaint(new Color(0xdddddd));
    ChartFactory.setChartTheme(theme);
  }

  /** Lines over x for each series; {@code series} maps a name to points {@code {x, y}}, in order. */
  String lines(String title, String xLabel, String yLabel, Map<String, double[][]> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, double[][]> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (double[] p : e.getValue()) {
        s.add(p[0], p[1]);
      }
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
        true, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    return svg(chart);
  }

  /** Grouped bars: for each category, one bar per series. */
  String bars(String title, String yLabel, List<String> categories, Map<String, double[]> series) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      for (int c = 0; c < categories.size(); c++) {
        data.addValue(e.getValue()[c], e.getKey(), categories.get(c));
      }
    }
    JFreeChart chart = ChartFactory.createBarChart(title, null, yLabel, data, PlotOrientation.VERTICAL,
        series.size() > 1, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    if (categories.size() > 5) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    return svg(chart);
  }

  /** Points, with the line y = x when {@code diagonal}. */
  String scatter(String title, String xLabel, String yLabel, double[] x, double[] y, boolean diagonal) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries points = new XYSeries("rows", false, true);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      points.add(x[i], y[i]);
      lo = Math.min(lo, Math.min(x[i], y[i]));
      hi = Math.max(hi, Math.max(x[i], y[i]));
    }
    data.addSeries(points);
    if (diagonal && x.length > 0) {
      XYSeries line = new XYSeries("predicted = actual", false, true);
      line.add(lo, lo);
      line.add(hi, hi);
      data.addSeries(line);
    }
    JFreeChart chart = ChartFactory.createScatterPlot(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
        diagonal, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesPaint(0, new Color(31, 119, 180, 140));
    r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
    if (diagonal) {
      r.setSeriesLinesVisible(1, true);
      r.setSeriesShapesVisible(1, false);
      r.setSeriesPaint(1, PALETTE[1]);
    }
    plot.setRenderer(r);
    return svg(chart);
  }

  /** A histogram of {@code values} in {@code bins} equal bins. */
  String histogram(String title, String xLabel, double[] values, int bins) {
    HistogramDataset data = new HistogramDataset();
    data.addSeries("rows", values, bins);
    JFreeChart chart = ChartFactory.createHistogram(title, xLabel, "rows", data, PlotOrientation.VERTICAL,
        false, false, false);
    org.jfree.chart.renderer.xy.XYBarRenderer r = (org.jfree.chart.renderer.xy.XYBarRenderer)
        chart.getXYPlot().getRenderer();
    r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, PALETTE[0]);
    return svg(chart);
  }

  private String svg(JFreeChart chart) {
    chart.setAntiAlias(true);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setDefsKeyPrefix("c" + ids.incrementAndGet() + "_");
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    // A view box lets the page scale the chart down on narrow screens without distorting it.
    return g.getSVGElement("chart" + ids.get(), true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }
}
