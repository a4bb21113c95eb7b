package io.livecommerce.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.Interaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point end to end in local[2]: files in, files out, exit codes. */
class JobsTest {

  record Result(int code, String out, String err) {}

  static Result jobs(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    LocalSpark.get(); // the tests' session: the jobs find it running
    int code = Jobs.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void trainRecommenderDefaultsAreTheInProcessOnes() {
    picocli.CommandLine cl = new picocli.CommandLine(new Jobs());
    picocli.CommandLine.ParseResult parsed = cl.parseArgs("train-recommender", "--interactions", "x.csv", "--out",
        "m.lcm");
    TrainRecommenderJob job = (TrainRecommenderJob) parsed.subcommand().commandSpec().userObject();
    // The job's alpha defaulted to 1.0 while the in-process trainer used 5.
    assertEquals(io.livecommerce.recommend.ImplicitAls.newBuilder().build().settings(), job.alsSettings());
    assertEquals(io.livecommerce.recommend.AlsSettings.DEFAULTS, job.alsSettings());
    parsed = new picocli.CommandLine(new Jobs()).parseArgs("train-recommender", "--interactions", "x.csv", "--out",
        "m.lcm", "--alpha", "2", "--factors", "8");
    job = (TrainRecommenderJob) parsed.subcommand().commandSpec().userObject();
    assertEquals(io.livecommerce.recommend.AlsSettings.parse("alpha=2,factors=8"), job.alsSettings());
  }

  @TempDir
  static Path dir;

  static Path interactions;

  @BeforeAll
  static void files() throws Exception {
    SparkImplicitTrainerTest.seededLog();
    List<String> lines = new ArrayList<>(List.of("user,item,weight,timestamp"));
    for (Interaction i : SparkImplicitTrainerTest.train) {
      lines.add(i.user() + "," + i.item() + "," + i.weight() + "," + i.timestampMillis());
    }
    interactions = Files.write(dir.resolve("interactions.csv"), lines);
  }

  static List<String> partLines(Path folder) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        out.addAll(Files.readAllLines(p));
      }
    }
    return out;
  }

  @Test
  void trainThenRecommendWritesTheClisFormatFromAModelThatLoadsInProcess() throws Exception {
    Path model = dir.resolve("model.lcm");
    Result t = jobs("train-recommender", "--interactions", interactions.toString(), "--out", model.toString(),
        "--factors", "16", "--alpha", "2", "--half-life-days", "14", "--seed", "7", "--master", "local[2]");
    assertEquals(0, t.code(), t.err());
    ImplicitModel loaded = ImplicitModel.load(model, null);
    Path recs = dir.resolve("recs");
    Result r = jobs("recommend", "--interactions", interactions.toString(), "--model", model.toString(), "--k", "3",
        "--exclude-seen", "--out", recs.toString(), "--master", "local[2]");
    assertEquals(0, r.code(), r.err());
    List<String> lines = partLines(recs);
    assertEquals("user,rank,item,score", lines.get(0));
    List<String> u3 = lines.stream().filter(l -> l.startsWith("u3,")).toList();
    List<String> expected = new ArrayList<>();
    int rank = 0;
    for (var s : loaded.recommend("u3", 3, true)) {
      expected.add("u3," + (++rank) + "," + s.item());
    }
    assertEquals(expected, u3.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
    long users = SparkImplicitTrainerTest.train.stream().map(Interaction::user).distinct().count();
    assertEquals(users * 3, lines.stream().filter(l -> !l.startsWith("user,")).count());
  }

  @Test
  void embedAddsTheClisSpaceSeparatedColumn() throws Exception {
    Path in = Files.writeString(dir.resolve("products.csv"), "id,title\np1,保温杯 大容量\np2,\"口红, 显白\"\n");
    Path out = dir.resolve("embedded");
    Result r = jobs("embed", "--in", in.toString(), "--text-column", "title", "--out", out.toString(), "--model",
        "hashing", "--master", "local[2]");
    assertEquals(0, r.code(), r.err());
    List<String> lines = partLines(out);
    assertEquals("id,title,embedding", lines.get(0));
    String p2 = lines.stream().filter(l -> l.startsWith("p2,")).findFirst().orElseThrow();
    String[] values = p2.substring(p2.lastIndexOf(',') + 1).split(" ");
    float[] v = new float[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Float.parseFloat(values[i]);
    }
    assertArrayEquals(HashingTextEmbedder.create().embed("口红, 显白"), v);
  }

  @Test
  void badInputIsExitTwoNamingWhatIsWrong() throws Exception {
    Path noUser = Files.writeString(dir.resolve("bad.csv"), "viewer,item,weight\na,b,1\n");
    Result r = jobs("train-recommender", "--interactions", noUser.toString(), "--out",
        dir.resolve("x.lcm").toString(), "--master", "local[2]");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("no column 'user'"), r.err());
    Path badWeight = Files.writeString(dir.resolve("badweight.csv"), "user,item,weight\na,b,1\na,c,lots\n");
    Result w = jobs("train-recommender", "--interactions", badWeight.toString(), "--out",
        dir.resolve("w.lcm").toString(), "--master", "local[2]");
    assertEquals(2, w.code(), w.err());
    assertTrue(w.err().contains("column 'weight' is empty or not a number in 1 rows, e.g. 'lots'"), w.err());
    Result missing = jobs("embed", "--in", dir.resolve("nope.csv").toString(), "--text-column", "t", "--out",
        dir.resolve("y").toString(), "--master", "local[2]");
    assertEquals(2, missing.code(), missing.err());
    Path existing = Files.createDirectories(dir.resolve("exists"));
    Result again = jobs("embed", "--in", interactions.toString(), "--text-column", "user", "--out",
        existing.toString(), "--model", "hashing", "--master", "local[2]");
    assertEquals(2, again.code(), again.err());
    assertTrue(again.err().contains("already exists"), again.err());
    assertEquals(2, jobs("recommend", "--interactions", interactions.toString(), "--model",
        dir.resolve("none.lcm").toString(), "--out", dir.resolve("z").toString()).code());
  }

  @Test
  void regressPredictsAsTheInProcessModelAndSavesItsFile() throws Exception {
    List<io.livecommerce.regress.TabularRow> rows = SparkTabularTrainerTest.table(300, 11);
    List<String> lines = new ArrayList<>(List.of("id,title,price,rating,brand,sales"));
    for (var r : rows) {
      Double rating = r.numeric().get("rating");
      lines.add(r.id() + "," + r.text() + "," + r.numeric().get("price") + "," + (rating == null ? "" : rating)
          + "," + r.categorical().getOrDefault("brand", "") + "," + r.target());
    }
    Path train = Files.write(dir.resolve("sales.csv"), lines);
    Path predictions = dir.resolve("predictions");
    Path model = dir.resolve("sales.lcm");
    Result r = jobs("regress", "--train", train.toString(), "--predict", train.toString(), "--id-column", "id",
        "--target-column", "sales", "--text-column", "title", "--numeric-columns", "price,rating",
        "--categorical-columns", "brand", "--log-target", "--model", "hashing", "--out", predictions.toString(),
        "--save-model", model.toString(), "--master", "local[2]");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("trained on 300 rows"), r.out());
    var local = io.livecommerce.regress.TabularRegressor.newBuilder().embedder(HashingTextEmbedder.create())
        .numericColumns(List.of("price", "rating")).categoricalColumns(List.of("brand")).logTarget(true).build()
        .fit(rows);
    List<String> out = partLines(predictions);
    assertEquals("id,prediction", out.get(0));
    assertEquals(301, out.size());
    for (int i = 0; i < rows.size(); i += 29) {
      var row = rows.get(i);
      assertEquals(String.format(java.util.Locale.ROOT, "%s,%.6f", row.id(), local.predict(row).value()),
          out.get(1 + i), "the CLI's format, in the table's order");
    }
    var loaded = io.livecommerce.regress.TabularModel.load(model, HashingTextEmbedder.create());
    assertEquals(local.coefficients().keySet(), loaded.coefficients().keySet());
    assertEquals(local.predict(rows.get(3)).value(), loaded.predict(rows.get(3)).value(), 1e-6);
    Result same = jobs("regress", "--train", train.toString(), "--predict", train.toString(), "--id-column", "id",
        "--target-column", "sales", "--out", dir.resolve("p2").toString(), "--save-model", train.toString(),
        "--master", "local[2]");
    assertEquals(2, same.code(), same.err());
    assertTrue(same.err().contains("outputs never replace inputs"), same.err());
    Result again = jobs("regress", "--train", train.toString(), "--predict", train.toString(), "--id-column", "id",
        "--target-column", "sales", "--out", predictions.toString(), "--master", "local[2]");
    assertEquals(2, again.code(), again.err());
    assertTrue(again.err().contains("--out " + predictions + " already exists; outputs never replace"), again.err());
    assertEquals(301, partLines(predictions).size(), "the earlier predictions are still there");
  }

  @Test
  void columnFlagsReadATableWithOtherNamesAsTheSimulatorWritesThem() throws Exception {
    List<String> lines = new ArrayList<>(List.of("viewer_id,room_id,timestamp_millis,watch_seconds,likes"));
    for (Interaction i : SparkImplicitTrainerTest.train) {
      lines.add(i.user() + "," + i.item() + "," + i.timestampMillis() + "," + i.weight() + ",0");
    }
    Path watch = Files.write(dir.resolve("watch_events.csv"), lines);
    Path model = dir.resolve("renamed.lcm");
    Result t = jobs("train-recommender", "--interactions", watch.toString(), "--user-column", "viewer_id",
        "--item-column", "room_id", "--weight-column", "watch_seconds", "--timestamp-column", "timestamp_millis",
        "--factors", "8", "--out", model.toString(), "--master", "local[2]");
    assertEquals(0, t.code(), t.err());
    ImplicitModel loaded = ImplicitModel.load(model, null);
    assertEquals(SparkImplicitTrainerTest.train.stream().map(Interaction::item).distinct().count(),
        loaded.catalogue().size());
    Path recs = dir.resolve("renamed-recs");
    Result r = jobs("recommend", "--interactions", watch.toString(), "--user-column", "viewer_id", "--model",
        model.toString(), "--k", "2", "--out", recs.toString(), "--master", "local[2]");
    assertEquals(0, r.code(), r.err());
    assertEquals("user,rank,item,score", partLines(recs).get(0));
    Result bad = jobs("train-recommender", "--interactions", watch.toString(), "--user-column", "viewer",
        "--out", dir.resolve("bad.lcm").toString(), "--master", "local[2]");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("no column 'viewer' (--user-column); columns: [viewer_id, room_id"), bad.err());
  }
}
