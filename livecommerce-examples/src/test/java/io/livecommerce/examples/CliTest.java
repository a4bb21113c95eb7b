package io.livecommerce.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecommerce.examples.cli.Cli;
import io.livecommerce.examples.csv.CsvTable;
import io.livecommerce.examples.world.World;
import io.livecommerce.examples.world.WorldFiles;
import io.livecommerce.examples.world.WorldGenerator;
import io.livecommerce.examples.world.WorldSize;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of every CLI command on small generated files, good and bad. */
class CliTest {

  record Result(int code, String out, String err) {}

  static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static Path write(Path dir, String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void helpListsEveryCommand() {
    Result r = cli("--help");
    assertEquals(0, r.code);
    for (String c : List.of("demo", "generate-world", "embed", "search", "recommend", "evaluate-recommender",
        "regress", "script", "check-compliance", "export-finetune")) {
      assertTrue(r.out.contains(c), c + " in " + r.out);
      assertEquals(0, cli(c, "--help").code, c + " --help");
    }
  }

  @Test
  void generateWorldWritesFilesThatReadBackEqual(@TempDir Path dir) {
    Result r = cli("generate-world", "--out", dir.toString(), "--size", "tiny", "--seed", "5");
    assertEquals(0, r.code, r.err);
    World read = WorldFiles.read(dir);
    assertEquals(WorldGenerator.generate(WorldSize.TINY, 5), read);
    assertEquals(WorldGenerator.generate(WorldSize.TINY, 5), WorldGenerator.generate(WorldSize.TINY, 5),
        "deterministic");
    assertTrue(read.events().size() > 2000, read.summary());
  }

  @Test
  void demoRunsEndToEndOnATinyWorld() {
    Result r = cli("demo", "--size", "tiny", "--model", "hashing");
    assertEquals(0, r.code, r.err);
    for (String s : List.of("1/6", "For viewer", "Products for", "Promotions for", "compliance: clean",
        "Evaluation against baselines", "hybrid", "structured-only", "Done in")) {
      assertTrue(r.out.contains(s), s + " missing from:\n" + r.out);
    }
  }

  @Test
  void embedAddsAVectorColumn(@TempDir Path dir) throws Exception {
    Path in = write(dir, "items.csv", "id,title\n1,补水面霜\n2,\"蓝牙耳机, 降噪\"\n");
    Path out = dir.resolve("out.csv");
    Result r = cli("embed", "--in", in.toString(), "--text-column", "title", "--out", out.toString(),
        "--model", "hashing");
    assertEquals(0, r.code, r.err);
    CsvTable t = CsvTable.read(out).require("id", "title", "embedding");
    assertEquals(2, t.rows().size());
    assertEquals(512, t.rows().get(1).get("embedding").split(" ").length);
    assertEquals("蓝牙耳机, 降噪", t.rows().get(1).get("title"));
  }

  @Test
  void searchFindsTheProductAShopperMeans(@TempDir Path dir) throws Exception {
    Path catalog = write(dir, "catalog.csv", "sku,text\n"
        + "A1,玻尿酸补水保湿面霜 干皮秋冬适用\nB2,无线蓝牙耳机 主动降噪 长续航\nC3,儿童保温杯 316不锈钢 带吸管\n"
        + "D4,速溶黑咖啡 无糖 提神\n");
    Result r = cli("search", "--catalog", catalog.toString(), "--id-column", "sku", "--text-column", "text",
        "--query", "坐地铁想听歌周围太吵", "--k", "2");
    assertEquals(0, r.code, r.err);
    String[] lines = r.out.strip().split("\\R");
    assertEquals("id,score", lines[0]);
    assertTrue(lines[1].startsWith("B2,"), r.out);
    assertEquals(3, lines.length);
    Result spelled = cli("search", "--catalogue", catalog.toString(), "--id-column", "sku", "--text-column", "text",
        "--query", "坐地铁想听歌周围太吵", "--k", "2");
    assertEquals(r.out, spelled.out, "--catalogue, as the help spells the word, is the same option");
  }

  @Test
  void modelAutoReadsEnglishWithTheEnglishModelAndSaysSo(@TempDir Path dir) throws Exception {
    Path catalog = write(dir, "catalog.csv", "sku,text\n"
        + "A1,hydrating face cream for dry skin\nB2,wireless bluetooth earphones with noise cancelling\n"
        + "C3,insulated kids water bottle with straw\nD4,instant black coffee sugar free\n");
    Result r = cli("search", "--catalog", catalog.toString(), "--id-column", "sku", "--text-column", "text",
        "--query", "headphones for a noisy subway ride", "--k", "1");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.strip().split("\\R")[1].startsWith("B2,"), r.out);
    assertTrue(r.err.contains("embedder: all-minilm-l6 (--model auto: the texts are not Chinese)"), r.err);
    assertFalse(r.out.contains("embedder"), "stdout holds only the result rows: " + r.out);
    Result named = cli("search", "--catalog", catalog.toString(), "--id-column", "sku", "--text-column", "text",
        "--query", "headphones for a noisy subway ride", "--k", "1", "--model", "bge-small-zh");
    assertEquals(0, named.code, named.err);
    assertFalse(named.err.contains("embedder:"), "a named model needs no note: " + named.err);

    Path out = dir.resolve("emb.csv");
    Result zh = cli("embed", "--in", write(dir, "zh.csv", "id,title\n1,蓝牙耳机 降噪\n2,保湿面霜\n").toString(),
        "--text-column", "title", "--out", out.toString());
    assertEquals(0, zh.code, zh.err);
    assertTrue(zh.out.contains("embedder: bge-small-zh (--model auto: the texts are Chinese)"), zh.out);
    assertEquals(512, CsvTable.read(out, StandardCharsets.UTF_8).rows().get(0).get("embedding").split(" ").length);
  }

  @Test
  void evaluateRecommenderReplaysAWorldAndSaysWhatTuningChoseInWords(@TempDir Path dir) throws Exception {
    assertEquals(0, cli("generate-world", "--out", dir.toString(), "--size", "tiny", "--seed", "3").code);
    Result r = cli("evaluate-recommender", "--world", dir.toString(), "--split", "replay", "--model", "hashing",
        "--max-arrivals", "200");
    assertEquals(0, r.code, r.err);
    String[] lines = r.out.split("\\R");
    assertTrue(lines[0].matches("tuned on the last hours before the window \\(\\d+ trials\\): (ALS|EASE).*, blend CF "
        + "[0-9.]+, content [0-9.]+, popularity [0-9.]+, momentum [0-9.]+.*"), lines[0]);
    assertTrue(lines[1].startsWith("replayed "), lines[1]);
    JsonNode rows = new ObjectMapper().readTree(r.out.substring(r.out.indexOf('[')));
    assertTrue(rows.size() > 0, r.out);
    for (JsonNode row : rows) {
      if (row.get("segment").asText().equals("all")) {
        assertEquals(200, row.get("arrivals").asInt(), "--max-arrivals caps what is scored: " + row);
      }
    }
    assertEquals(2, cli("evaluate-recommender", "--world", dir.toString(), "--model", "hashing").code,
        "--world is read by --split replay only");
  }

  @Test
  void replayHonoursOrRefusesEveryFlag(@TempDir Path dir) throws Exception {
    assertEquals(0, cli("generate-world", "--out", dir.toString(), "--size", "tiny", "--seed", "3").code);
    String[] replay = {"evaluate-recommender", "--world", dir.toString(), "--split", "replay", "--model", "hashing",
        "--max-arrivals", "100"};
    // The room tuner searches the ALS settings itself: fixing one used to be ignored without a word.
    Result fixed = cli(concat(replay, "--factors", "8", "--ease-lambda", "0.5"));
    assertEquals(2, fixed.code, fixed.err);
    assertTrue(fixed.err.contains("--factors 8, --ease-lambda 0.5: the replay's room tuner searches these itself; "
        + "to fix them, add --no-tune"), fixed.err);
    // With --no-tune they train, and change the result.
    Result untuned = cli(concat(replay, "--no-tune"));
    Result eight = cli(concat(replay, "--no-tune", "--factors", "8"));
    Result ease = cli(concat(replay, "--no-tune", "--model-family", "ease", "--ease-lambda", "0.5"));
    for (Result r : List.of(untuned, eight, ease)) {
      assertEquals(0, r.code, r.err);
    }
    assertTrue(!untuned.out.equals(eight.out) && !untuned.out.equals(ease.out), untuned.out + eight.out + ease.out);
    Result confidence = cli(concat(replay, "--confidence", "binary"));
    assertEquals(2, confidence.code);
    assertTrue(confidence.err.contains("--confidence binary has no meaning in a replay"), confidence.err);
    Result trials = cli(concat(replay, "--tune-trials", "3"));
    assertEquals(2, trials.code);
    assertTrue(trials.err.contains("--tune-trials 3 applies to --split random or time"), trials.err);
    // The budget reaches the room tuner: spent at once, it tries the starting settings and EASE's first λ only.
    Result budget = cli(concat(replay, "--tune-budget", "0.001"));
    assertEquals(0, budget.code, budget.err);
    assertTrue(budget.out.startsWith("tuned on the last hours before the window (2 trials): "), budget.out);
    // Options of the other mode are refused by name, in both directions.
    Result other = cli(concat(replay, "--k", "5", "--test-fraction", "0.3"));
    assertEquals(2, other.code);
    assertTrue(other.err.contains("--k, --test-fraction have no effect here: --split replay reads a world folder"),
        other.err);
    Result arrivals = cli("evaluate-recommender", "--interactions", interactions(dir).toString(), "--max-arrivals",
        "10");
    assertEquals(2, arrivals.code);
    assertTrue(arrivals.err.contains("--max-arrivals has no effect here: --split time splits --interactions"),
        arrivals.err);
  }

  @Test
  void aUsageErrorIsShortAndEnumValuesIgnoreCase(@TempDir Path dir) throws Exception {
    Result typo = cli("recommend", "--interactons", "x.csv", "--out", dir.resolve("o.csv").toString());
    assertEquals(2, typo.code);
    assertTrue(typo.err.startsWith("error: Unknown options: '--interactons', 'x.csv'"), typo.err);
    assertTrue(typo.err.contains("Possible solutions: --interactions"), typo.err);
    assertTrue(typo.err.contains("see: livecommerce recommend --help"), typo.err);
    assertTrue(typo.err.lines().count() <= 4, "no page of help under the error: " + typo.err);
    Result missing = cli("recommend", "--interactions", "x.csv");
    assertEquals(2, missing.code);
    assertTrue(missing.err.startsWith("error: Missing required option: '--out=<outFile>'"), missing.err);
    assertEquals(0, cli("generate-world", "--out", dir.resolve("w").toString(), "--size", "tiny").code);
    Result lower = cli("export-finetune", "--scripts", dir.resolve("w/scripts.csv").toString(), "--out",
        dir.resolve("ft").toString(), "--outcome", "orders_per_minute");
    assertEquals(0, lower.code, lower.err);
    assertTrue(Files.readString(dir.resolve("ft/summary.json")).contains("ORDERS_PER_MINUTE"), "the outcome used");
  }

  static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  static Path interactions(Path dir) throws Exception {
    StringBuilder sb = new StringBuilder("user,item,weight,timestamp\n");
    Random rnd = new Random(1);
    for (int u = 0; u < 60; u++) {
      int taste = u % 3;
      for (int e = 0; e < 12; e++) {
        int item = rnd.nextDouble() < 0.8 ? taste * 10 + rnd.nextInt(10) : rnd.nextInt(30);
        sb.append("u").append(u).append(",i").append(item).append(',').append(1 + rnd.nextInt(3)).append(',')
            .append(e * 1000L + u).append('\n');
      }
    }
    return write(dir, "interactions.csv", sb.toString());
  }

  static Path items(Path dir) throws Exception {
    String[] kinds = {"口红 美妆 显白", "耳机 数码 降噪", "零食 坚果 好吃"};
    StringBuilder sb = new StringBuilder("item,text\n");
    for (int i = 0; i < 30; i++) {
      sb.append('i').append(i).append(',').append(kinds[i / 10]).append(" 款式").append(i).append('\n');
    }
    return write(dir, "items.csv", sb.toString());
  }

  @Test
  void recommendWritesRankedRowsForEveryUser(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("recs.csv");
    Result r = cli("recommend", "--interactions", interactions(dir).toString(), "--items", items(dir).toString(),
        "--k", "5", "--out", out.toString(), "--exclude-seen", "--model", "hashing");
    assertEquals(0, r.code, r.err);
    CsvTable t = CsvTable.read(out).require("user", "rank", "item", "score");
    assertEquals(60 * 5, t.rows().size());
    assertEquals("1", t.rows().get(0).get("rank"));
    assertEquals("5", t.rows().get(4).get("rank"));
    Result cfOnly = cli("recommend", "--interactions", interactions(dir).toString(), "--k", "3", "--out",
        dir.resolve("cf.csv").toString());
    assertEquals(0, cfOnly.code, cfOnly.err);
  }

  @Test
  void evaluateRecommenderPrintsATableAndJson(@TempDir Path dir) throws Exception {
    Result r = cli("evaluate-recommender", "--interactions", interactions(dir).toString(), "--items",
        items(dir).toString(), "--split", "time", "--test-fraction", "0.25", "--seed", "3", "--k", "5",
        "--model", "hashing");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("hybrid") && r.out.contains("popularity") && r.out.contains("random"), r.out);
    JsonNode json = new ObjectMapper().readTree(r.out.substring(r.out.indexOf('[')));
    assertEquals(5, json.size());
    assertTrue(json.get(0).get("ndcg").asDouble() > json.get(4).get("ndcg").asDouble(), "hybrid beats random");
    Result noText = cli("evaluate-recommender", "--interactions", interactions(dir).toString(), "--k", "5");
    assertEquals(0, noText.code, noText.err);
    assertFalse(noText.out.contains("content-only"), "no content baseline without item text: " + noText.out);
  }

  @Test
  void regressTrainsOnAnyTable(@TempDir Path dir) throws Exception {
    StringBuilder train = new StringBuilder("id,title,price,color,sales\n");
    Random rnd = new Random(2);
    for (int i = 0; i < 80; i++) {
      double price = 10 + rnd.nextInt(90);
      String color = i % 2 == 0 ? "red" : "blue";
      double sales = 200 - price + (color.equals("red") ? 30 : 0) + rnd.nextGaussian() * 5;
      train.append("p").append(i).append(",商品").append(i).append(',')
          .append(i == 7 ? "" : String.valueOf(price)).append(',').append(color).append(',').append(sales).append('\n');
    }
    Path trainFile = write(dir, "train.csv", train.toString());
    Path predictFile = write(dir, "predict.csv", "id,title,price,color\nq1,新品,20,red\nq2,新品,90,blue\n");
    Path out = dir.resolve("pred.csv");
    Result r = cli("regress", "--train", trainFile.toString(), "--predict", predictFile.toString(), "--id-column",
        "id", "--target-column", "sales", "--numeric-columns", "price", "--categorical-columns", "color", "--out",
        out.toString());
    assertEquals(0, r.code, r.err);
    CsvTable t = CsvTable.read(out).require("id", "prediction");
    double cheapRed = Double.parseDouble(t.rows().get(0).get("prediction"));
    double dearBlue = Double.parseDouble(t.rows().get(1).get("prediction"));
    assertTrue(cheapRed > dearBlue + 60, cheapRed + " vs " + dearBlue);
    assertTrue(r.out.contains("cross-validation chose: ") && r.out.contains("ridge"), r.out);
    Result ridgeOnly = cli("regress", "--train", trainFile.toString(), "--predict", predictFile.toString(),
        "--id-column", "id", "--target-column", "sales", "--numeric-columns", "price", "--no-trees", "--out",
        dir.resolve("ridge.csv").toString());
    assertEquals(0, ridgeOnly.code, ridgeOnly.err);
    assertTrue(ridgeOnly.out.contains("cross-validation chose: ridge (trees not offered)"), ridgeOnly.out);
    Result conflict = cli("regress", "--train", trainFile.toString(), "--predict", predictFile.toString(),
        "--id-column", "id", "--target-column", "sales", "--no-trees", "--tree-depth", "3", "--out",
        dir.resolve("x.csv").toString());
    assertEquals(2, conflict.code);
    assertTrue(conflict.err.contains("--tree-depth sets the trees, which --no-trees leaves out"), conflict.err);
    assertFalse(Files.exists(dir.resolve("x.csv")));
  }

  @Test
  void regressChoosesTreesWhereTheTargetSteps(@TempDir Path dir) throws Exception {
    StringBuilder train = new StringBuilder("id,price,color,sales\n");
    Random rnd = new Random(3);
    for (int i = 0; i < 400; i++) {
      double price = 10 + rnd.nextInt(90);
      String color = i % 2 == 0 ? "red" : "blue";
      double sales = (color.equals("red") == price > 50 ? 100 : 20) + rnd.nextGaussian() * 3;
      train.append("p").append(i).append(',').append(price).append(',').append(color).append(',').append(sales)
          .append('\n');
    }
    Path trainFile = write(dir, "train.csv", train.toString());
    Path predictFile = write(dir, "predict.csv", "id,price,color\nq1,80,red\nq2,80,blue\n");
    Path out = dir.resolve("pred.csv");
    Result r = cli("regress", "--train", trainFile.toString(), "--predict", predictFile.toString(), "--id-column",
        "id", "--target-column", "sales", "--numeric-columns", "price", "--categorical-columns", "color",
        "--tree-rounds", "200", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("trees"), r.out);
    CsvTable t = CsvTable.read(out).require("id", "prediction");
    double redHigh = Double.parseDouble(t.rows().get(0).get("prediction"));
    double blueHigh = Double.parseDouble(t.rows().get(1).get("prediction"));
    assertTrue(redHigh > blueHigh + 50, redHigh + " vs " + blueHigh + ": " + r.out);
  }

  @Test
  void scriptPrintsTheScriptAndItsReport() {
    Result r = cli("script", "--product-title", "全网最低价补水面霜", "--product-description", "秋冬干皮必备",
        "--price", "89.9", "--promotion", "领券立减20元", "--category", "护肤");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("[OPENING") && r.out.contains("[PROMOTION") && r.out.contains("89.90"), r.out);
    assertTrue(r.out.contains("compliance: clean"), r.out);
    String spoken = r.out.substring(0, r.out.indexOf("compliance:"));
    assertFalse(spoken.contains("全网最低"), "the template generator rewrote the dirty title");
    assertTrue(r.out.contains("your --product-title itself has 1 finding(s):" + System.lineSeparator()
        + "  {\"rule\":\"absolute-superlative\""), "the rewrite of the caller's own title is said: " + r.out);
    assertFalse(r.out.contains("your --promotion"), "a clean promotion gets no note: " + r.out);
    assertFalse(r.out.contains("length:"), "the template plans the asked length: " + r.out);
    Result en = cli("script", "--product-title", "Thermos", "--language", "en");
    assertEquals(0, en.code, en.err);
    assertTrue(en.out.contains("your host") && !en.out.contains("主播"), "an English default host name: " + en.out);
    assertEquals(2, cli("script", "--product-title", "x", "--language", "fr").code);
  }

  @Test
  void checkComplianceExitCodes(@TempDir Path dir) throws Exception {
    Result dirty = cli("check-compliance", "--text", "全网最低价，销量第一");
    assertEquals(1, dirty.code);
    String[] lines = dirty.out.strip().split("\\R");
    assertEquals(2, lines.length);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertEquals("全网最低", first.get("text").asText());
    assertEquals(0, first.get("start").asInt());
    assertEquals(0, cli("check-compliance", "--text", "最近天气干，记得补水").code);
    Path file = write(dir, "script.txt", "这款面霜能根治痘痘");
    assertEquals(1, cli("check-compliance", "--in", file.toString()).code);
    assertEquals(2, cli("check-compliance").code, "one of --text or --in is required");
  }

  @Test
  void checkComplianceRewritesStandardInputForPipes() {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("仅剩最后10件，全网最低价！\n".getBytes(StandardCharsets.UTF_8)));
      Result r = cli("check-compliance", "--rewrite", "--in", "-");
      assertEquals(1, r.code, r.err);
      assertEquals("库存和优惠以页面为准，直播间优惠价！", r.out.strip());
      System.setIn(new java.io.ByteArrayInputStream(new byte[] {(byte) 0xB0, (byte) 0xA1}));
      Result gbk = cli("check-compliance", "--in", "-");
      assertEquals(2, gbk.code);
      assertTrue(gbk.err.contains("standard input:1: is not valid UTF-8"), gbk.err);
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void badFilesNameFileLineAndColumnAndExitTwoWithoutStackTraces(@TempDir Path dir) throws Exception {
    Path missingColumn = write(dir, "bad1.csv", "user,thing\nu1,i1\n");
    Result r = cli("recommend", "--interactions", missingColumn.toString(), "--k", "3", "--out",
        dir.resolve("o.csv").toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("bad1.csv:1: column 'item': is missing"), r.err);
    assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);

    Path badNumber = write(dir, "bad2.csv", "user,item,weight\nu1,i1,1\nu2,i2,heavy\n");
    r = cli("recommend", "--interactions", badNumber.toString(), "--k", "3", "--out", dir.resolve("o.csv").toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("bad2.csv:3: column 'weight': 'heavy' is not a number"), r.err);

    Path ragged = write(dir, "bad3.csv", "user,item\nu1,i1,extra\n");
    r = cli("recommend", "--interactions", ragged.toString(), "--k", "3", "--out", dir.resolve("o.csv").toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("bad3.csv:2") && r.err.contains("3 fields"), r.err);

    r = cli("search", "--catalog", dir.resolve("nope.csv").toString(), "--id-column", "id", "--text-column", "t",
        "--query", "x");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("nope.csv") && r.err.contains("no such file"), r.err);

    r = cli("--verbose", "recommend", "--interactions", badNumber.toString(), "--k", "3", "--out",
        dir.resolve("o.csv").toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("\tat "), "--verbose shows the stack trace");

    Path world = dir.resolve("world");
    cli("generate-world", "--out", world.toString(), "--size", "tiny");
    Path events = world.resolve("watch_events.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(events));
    lines.set(3, lines.get(3).replaceFirst(",\\d+,", ",-5,"));
    Files.write(events, lines);
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> WorldFiles.read(world));
    assertTrue(e.getMessage().contains("watch_events.csv:4") && e.getMessage().contains("-5"), e.getMessage());
  }

  @Test
  void recommendReadsAWorldsWatchEventsThroughNamedColumns(@TempDir Path dir) throws Exception {
    Path world = dir.resolve("world");
    assertEquals(0, cli("generate-world", "--out", world.toString(), "--size", "tiny", "--seed", "3").code);
    Path events = world.resolve("watch_events.csv");
    Path out = dir.resolve("recs.csv");
    Result r = cli("recommend", "--interactions", events.toString(), "--user-column", "viewer_id", "--item-column",
        "room_id", "--weight-column", "watch_seconds", "--timestamp-column", "timestamp_millis", "--no-tune", "--k",
        "3", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    CsvTable recs = CsvTable.read(out);
    java.util.Set<String> viewers = new java.util.HashSet<>();
    CsvTable.read(events).rows().forEach(row -> viewers.add(row.get("viewer_id")));
    java.util.Set<String> rooms = new java.util.HashSet<>();
    CsvTable.read(events).rows().forEach(row -> rooms.add(row.get("room_id")));
    assertTrue(recs.rows().size() > 0, r.out);
    for (CsvTable.Row row : recs.rows()) {
      assertTrue(viewers.contains(row.get("user")) && rooms.contains(row.get("item")), row.get("user") + " "
          + row.get("item"));
    }
    Result missing = cli("recommend", "--interactions", events.toString(), "--user-column", "viewer_id",
        "--out", dir.resolve("o2.csv").toString());
    assertEquals(2, missing.code);
    assertTrue(missing.err.contains("column 'item': is missing from the header [viewer_id, room_id")
        && missing.err.contains("--item-column"), missing.err);
    Result badWeight = cli("recommend", "--interactions", events.toString(), "--user-column", "viewer_id",
        "--item-column", "room_id", "--weight-column", "seconds", "--out", dir.resolve("o3.csv").toString());
    assertEquals(2, badWeight.code);
    assertTrue(badWeight.err.contains("column 'seconds'") && badWeight.err.contains("--weight-column"),
        badWeight.err);
  }

  @Test
  void anIdOrKeyGivenTwiceIsBadInputNotSilentlyOneOfThem(@TempDir Path dir) throws Exception {
    Path texts = write(dir, "items.csv", "item,text\na,红色连衣裙\nb,蓝牙耳机\na,保温杯\n");
    Path log = write(dir, "log.csv", "user,item\nu1,a\nu1,b\nu2,a\n");
    Result r = cli("recommend", "--interactions", log.toString(), "--items", texts.toString(), "--model", "hashing",
        "--no-tune", "--out", dir.resolve("o.csv").toString());
    assertEquals(2, r.code, r.out);
    assertTrue(r.err.contains("items.csv:4: column 'item': 'a' appears again with another text (first on line 2)"),
        r.err);
    Path same = write(dir, "same.csv", "item,text\na,红色连衣裙\na,红色连衣裙\n");
    assertEquals(0, cli("recommend", "--interactions", log.toString(), "--items", same.toString(), "--model",
        "hashing", "--no-tune", "--out", dir.resolve("o.csv").toString()).code, "a repeat that loses nothing is fine");

    Path world = dir.resolve("world");
    cli("generate-world", "--out", world.toString(), "--size", "tiny");
    Path products = world.resolve("products.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(products));
    lines.add(lines.get(1));
    Files.write(products, lines);
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> WorldFiles.read(world));
    assertTrue(e.getMessage().contains("products.csv:" + lines.size() + ": column 'id'")
        && e.getMessage().contains("appears again (first on line 2)"), e.getMessage());
    lines.remove(lines.size() - 1);
    lines.set(1, lines.get(1).replaceFirst(",([^,=]+)=([^,;]*)$", ",$1=$2;$1=other"));
    Files.write(products, lines);
    e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> WorldFiles.read(world));
    assertTrue(e.getMessage().contains("products.csv:2") && e.getMessage().contains("is given twice"),
        e.getMessage());
  }
}
