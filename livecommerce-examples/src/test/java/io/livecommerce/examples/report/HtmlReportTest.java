package io.livecommerce.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  static HtmlReport sample() {
    Map<String, double[][]> lines = new LinkedHashMap<>();
    lines.put("hybrid", new double[][] {{1, 0.2}, {5, 0.4}, {10, 0.5}});
    lines.put("popularity", new double[][] {{1, 0.1}, {5, 0.2}, {10, 0.3}});
    return new HtmlReport("报告 <1>", "made by a test & nothing else")
        .section("Ranking").paragraph("a < b & \"c\"")
        .table(List.of("model", "NDCG"), List.of(List.of("<script>alert(1)</script>", "0.5")))
        .lines("NDCG@k", "k", "NDCG", lines, "caption")
        .bars("Coverage", "share", List.of("a", "b"), Map.of("coverage", new double[] {0.5, 1}), "bars")
        .scatter("Predicted vs actual", "actual", "predicted", new double[] {1, 2, 3}, new double[] {1.5, 2, 2.5},
            true, "scatter")
        .histogram("Residuals", "r", new double[] {-1, 0, 0, 1, 2}, 5, "histogram");
  }

  @Test
  void textIsEscapedAndThePageLoadsNothing() {
    String html = sample().html();
    assertTrue(html.contains("报告 &lt;1&gt;"), html.substring(0, 300));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(html.contains("<script"), "no script element");
    // Nothing is fetched: no src, href, url() or @import anywhere (SVG namespace URIs are names, not loads).
    for (String load : List.of(" src=", "href=", "url(http", "@import", "<link", "<img", "<iframe")) {
      assertFalse(html.contains(load), load);
    }
    assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
  }

  @Test
  void everyChartIsAnInlineSvgWithItsOwnIdsAndAViewBox() {
    HtmlReport r = sample();
    String html = r.html();
    assertEquals(4, r.charts());
    Matcher m = Pattern.compile(
        "<svg id=['\"](chart\\d+)['\"][^>]*viewBox=['\"]0\\.0 0\\.0 720\\.0 380\\.0['\"]").matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
      assertEquals("chart" + n, m.group(1));
    }
    assertEquals(4, n);
    // Definitions of one chart (clip paths) never collide with another's.
    assertTrue(html.contains("c1_") && html.contains("c4_"));
  }

  @Test
  void theSameInputGivesTheSamePage(@TempDir Path dir) throws Exception {
    assertEquals(sample().html(), sample().html());
    Path f = dir.resolve("r.html");
    sample().writeTo(f);
    assertEquals(sample().html(), Files.readString(f));
  }
}
