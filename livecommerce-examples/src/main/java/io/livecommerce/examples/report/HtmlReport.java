package io.livecommerce.examples.report;

import io.livecommerce.persist.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page: headings, text, tables and inline SVG charts, styled inline. It loads nothing (no
 * scripts, fonts, images or style sheets from anywhere; a content-security policy forbids it), so it opens the same
 * offline, from an e-mail attachment or a CI artifact.
 *
 * <p>Not thread-safe: build on one thread.
 */
public final class HtmlReport {

  private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC',"
      + "'PingFang SC','Microsoft YaHei',sans-serif;margin:2em auto;max-width:980px;color:#222;padding:0 1em}"
      + "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}"
      + "p.meta{color:#666;margin-top:0}table{border-collapse:collapse;margin:1em 0;font-size:.92em}"
      + "th,td{border:1px solid #ddd;padding:.3em .7em;text-align:right}th{background:#f5f5f5}"
      + "td:first-child,th:first-child{text-align:left}figure{margin:1.2em 0}figcaption{color:#555;font-size:.9em}"
      + "svg{max-width:100%;height:auto}";

  private final StringBuilder body = new StringBuilder();
  private final String title;
  private final Charts charts = new Charts();
  private int chartCount;

  /** A report with a title and a line saying what made it. */
  public HtmlReport(String title, String subtitle) {
    this.title = title;
    body.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"meta\">").append(escape(subtitle))
        .append("</p>\n");
  }

  /** A section heading. */
  public HtmlReport section(String heading) {
    body.append("<h2>").append(escape(heading)).append("</h2>\n");
    return this;
  }

  /** A paragraph of text. */
  public HtmlReport paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A table; cells are text. */
  public HtmlReport table(List<String> header, List<List<String>> rows) {
    body.append("<table>\n<tr>");
    header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<String> r : rows) {
      body.append("<tr>");
      r.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /** A line chart (see {@link Charts#lines}). */
  public HtmlReport lines(String title, String xLabel, String yLabel, Map<String, double[][]> series,
      String caption) {
    return figure(charts.lines(title, xLabel, yLabel, series), caption);
  }

  /** A grouped bar chart. */
  public HtmlReport bars(String title, String yLabel, List<String> categories, Map<String, double[]> series,
      String caption) {
    return figure(charts.bars(title, yLabel, categories, series), caption);
  }

  /** A scatter plot, with y = x when {@code diagonal}. */
  public HtmlReport scatter(String title, String xLabel, String yLabel, double[] x, double[] y, boolean diagonal,
      String caption) {
    return figure(charts.scatter(title, xLabel, yLabel, x, y, diagonal), caption);
  }

  /** A histogram. */
  public HtmlReport histogram(String title, String xLabel, double[] values, int bins, String caption) {
    return figure(charts.histogram(title, xLabel, values, bins), caption);
  }

  private HtmlReport figure(String svg, String caption) {
    chartCount++;
    body.append("<figure class=\"chart\">\n").append(svg).append("\n<figcaption>").append(escape(caption))
        .append("</figcaption>\n</figure>\n");
    return this;
  }

  /** How many charts the page has. */
  public int charts() {
    return chartCount;
  }

  /** The page. */
  public String html() {
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
        + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
  }

  /**
   * Writes the page atomically: a failed write leaves an earlier report as it was.
   *
   * @throws IOException if it cannot be written
   */
  public void writeTo(Path file) throws IOException {
    byte[] bytes = html().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> out.write(bytes));
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
