package io.livecommerce.examples;

import static io.livecommerce.examples.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.examples.CliTest.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports as a person sees them: rendered by headless Chromium (Debian's {@code chromium}; {@code .ci/run}
 * installs it), which must report no console message (a blocked load, a script error) and must lay out every chart.
 * Skipped, saying so, where no Chromium is installed.
 */
class ReportRenderTest {

  private static final Pattern SVG = Pattern.compile("<svg id=\"chart\\d+\"");
  private static final Pattern WROTE = Pattern.compile("wrote the report \\((\\d+) charts\\)");

  @TempDir
  static Path dir;

  static Path world;

  @BeforeAll
  static void tinyWorld() {
    world = dir.resolve("world");
    assertEquals(0, cli("generate-world", "--out", world.toString(), "--size", "tiny", "--seed", "4").code());
  }

  static Path chromium() {
    for (String p : new String[] {System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (p != null && Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    return null;
  }

  record Rendered(String dom, List<String> console) {}

  /** The page's DOM after load and every console message Chromium logged while loading it. */
  static Rendered render(Path page) throws IOException, InterruptedException {
    Path chrome = chromium();
    Assumptions.assumeTrue(chrome != null, "no Chromium at /usr/bin/chromium (apt-get install chromium)");
    Path profile = Files.createTempDirectory(dir, "profile");
    Path err = dir.resolve("chromium-" + page.getFileName() + ".log");
    Process p = new ProcessBuilder(chrome.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
        page.toUri().toString()).redirectError(err.toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "chromium failed; see " + err);
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(err)) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Rendered(dom, console);
  }

  static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static void rendersCleanly(Result r, Path page) throws Exception {
    assertEquals(0, r.code(), r.err());
    Matcher wrote = WROTE.matcher(r.out());
    assertTrue(wrote.find(), r.out());
    int charts = Integer.parseInt(wrote.group(1));
    assertTrue(charts >= 3, r.out());
    Rendered x = render(page);
    assertEquals(List.of(), x.console(), "console messages while loading " + page);
    assertEquals(charts, count(SVG, x.dom()), "charts in the rendered page");
  }

  @Test
  void theEvaluationReportRendersWithItsCharts() throws Exception {
    Path interactions = dir.resolve("interactions.csv");
    List<String> lines = new ArrayList<>(List.of("user,item,weight,timestamp"));
    for (String l : Files.readAllLines(world.resolve("watch_events.csv")).subList(1, 2001)) {
      String[] f = l.split(",");
      lines.add(f[0] + "," + f[1].substring(0, f[1].indexOf('-')) + "," + f[3] + "," + f[2]);
    }
    Files.write(interactions, lines);
    Path page = dir.resolve("eval.html");
    rendersCleanly(cli("evaluate-recommender", "--interactions", interactions.toString(), "--k", "10",
        "--tune-trials", "3", "--report", page.toString()), page);
    String html = Files.readString(page);
    assertTrue(html.contains("NDCG@k") && html.contains("Tuning trace"), "the tuning trace is drawn");
    assertTrue(html.contains("The search stopped after 3 trials (time budget or trial limit); untried: "),
        "what the limit left out is on the page");
  }

  @Test
  void theRegressionReportRendersWithItsCharts() throws Exception {
    List<String> train = new ArrayList<>(List.of("id,price,category,units"));
    List<String> test = new ArrayList<>(List.of("id,price,category,units"));
    List<String> sales = Files.readAllLines(world.resolve("sales.csv"));
    for (int i = 1; i < sales.size(); i++) {
      String[] f = sales.get(i).split(",");
      long units = Long.parseLong(f[4]);
      String row = i + "," + (units == 0 ? "1" : Long.parseLong(f[5]) / units / 100) + ",c" + (f[1].hashCode() & 3)
          + "," + units;
      (i % 5 == 0 ? test : train).add(row);
    }
    Path trainFile = Files.write(dir.resolve("train.csv"), train);
    Path testFile = Files.write(dir.resolve("test.csv"), test);
    Path page = dir.resolve("regress.html");
    rendersCleanly(cli("regress", "--train", trainFile.toString(), "--predict", testFile.toString(),
        "--id-column", "id", "--target-column", "units", "--numeric-columns", "price", "--categorical-columns",
        "category", "--out", dir.resolve("pred.csv").toString(), "--report", page.toString()), page);
    assertTrue(Files.readString(page).contains("rows with known targets that were not trained on"));
  }

  @Test
  void theDemoReportRendersWithItsCharts() throws Exception {
    Path page = dir.resolve("demo.html");
    rendersCleanly(cli("demo", "--size", "tiny", "--model", "hashing", "--report", page.toString()), page);
  }

  @Test
  void theCheckCanFailAPageThatLoadsSomethingOrRunsAScript() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.html"), "<!DOCTYPE html><html><head><meta "
        + "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head><body>"
        + "<img src=\"https://example.com/x.png\"><script>nothing()</script></body></html>");
    Rendered x = render(bad);
    assertFalse(x.console().isEmpty(), "a blocked load and a blocked script are console messages");
  }

  @Test
  void aReportNeverReplacesAnInput() throws Exception {
    Path items = Files.writeString(dir.resolve("items.csv"), "item,text\na0,x\n");
    Result r = cli("evaluate-recommender", "--interactions", world.resolve("watch_events.csv").toString(),
        "--items", items.toString(), "--report", items.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--report") && r.err().contains("refusing to overwrite an input"), r.err());
    assertEquals("item,text\na0,x\n", Files.readString(items));
  }
}
