package io.livecommerce.spark;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularPrediction;
import io.livecommerce.regress.TabularRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Run in a JVM without Spark: loads a recommender file and prints each user's top 5, or ({@code --tabular FILE}) a
 * tabular model and prints its predictions of a few rows.
 */
public final class ServeWithoutSpark {

  private ServeWithoutSpark() {}

  static String describe(ImplicitModel m, List<String> users) {
    return users.stream().map(u -> u + " " + m.recommend(u, 5, true).stream()
        .map(s -> s.item() + String.format(Locale.ROOT, ":%.5f", s.score())).collect(Collectors.joining(" ")))
        .collect(Collectors.joining("\n"));
  }

  /** Predictions for a few fixed rows (one with a missing number, an unseen brand, a blank text). */
  static String describe(TabularModel m) {
    List<TabularRow> rows = List.of(
        new TabularRow("a", "面霜 补水", Map.of("price", 30.0, "rating", 4.5), Map.of("brand", "a"), Double.NaN),
        new TabularRow("b", "", Map.of("price", 300.0), Map.of("brand", "unseen"), Double.NaN),
        new TabularRow("c", "耳机 降噪", Map.of("price", 5.0, "rating", 3.1), Map.of(), Double.NaN));
    return rows.stream().map(r -> {
      TabularPrediction p = m.predict(r);
      return r.id() + String.format(Locale.ROOT, " %.9f %.9f %.9f", p.value(), p.low(), p.high());
    }).collect(Collectors.joining("\n"));
  }

  /**
   * Runs this class in a child JVM on the test class path without Spark, Scala or Hadoop (what a serving JVM has)
   * and returns what it printed; fails unless it exits 0.
   */
  static String runWithoutSpark(String... args) throws Exception {
    String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String cp = java.util.Arrays.stream(full.split(java.io.File.pathSeparator))
        .filter(e -> !Path.of(e).getFileName().toString().matches("(spark|scala|hadoop).*\\.jar"))
        .collect(Collectors.joining(java.io.File.pathSeparator));
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
        ServeWithoutSpark.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError("the serving JVM failed: " + out);
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    boolean sparkThere;
    try {
      Class.forName("org.apache.spark.sql.SparkSession");
      sparkThere = true;
    } catch (ClassNotFoundException expected) {
      sparkThere = false;
    }
    if (sparkThere) {
      throw new IllegalStateException("Spark is on this class path; the test means to serve without it");
    }
    if (args[0].equals("--tabular")) {
      System.out.println(describe(TabularModel.load(Path.of(args[1]), HashingTextEmbedder.create())));
      return;
    }
    ImplicitModel m = ImplicitModel.load(Path.of(args[0]), null);
    System.out.println(describe(m, List.of(args).subList(1, args.length)));
  }
}
