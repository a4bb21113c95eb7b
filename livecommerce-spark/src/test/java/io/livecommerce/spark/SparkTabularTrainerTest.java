package io.livecommerce.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularRegressor;
import io.livecommerce.regress.TabularRow;
import io.livecommerce.regress.TreeEnsemble;
import io.livecommerce.regress.TreeLearner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selection regression fitted on Spark equals the in-process fit on the same rows. */
class SparkTabularTrainerTest {

  static List<TabularRow> rows;
  static TabularModel local;
  static TabularModel spark;

  /**
   * Skewed prices (a derived log feature), 15% missing ratings, brands of one row, missing brands, blank titles:
   * every part of the pipeline that the summary fixes.
   */
  static List<TabularRow> table(int n, long seed) {
    Random rnd = new Random(seed);
    String[] brands = {"a", "b", "c", "d"};
    String[] titles = {"面霜 补水", "口红 显白", "零食 坚果", "耳机 降噪", ""};
    List<TabularRow> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double price = Math.exp(3 + rnd.nextGaussian());
      double rating = 3 + 2 * rnd.nextDouble();
      int b = rnd.nextInt(4);
      int w = rnd.nextInt(5);
      Map<String, Double> num = new HashMap<>();
      num.put("price", price);
      if (rnd.nextDouble() > 0.15) {
        num.put("rating", rating);
      }
      // Every 100th row a brand of its own: in the folds that hold it out, its column is constant.
      String brand = i % 100 == 0 ? "solo" + i : brands[b];
      Map<String, String> cat = rnd.nextDouble() > 0.05 ? Map.of("brand", brand) : Map.of();
      double sales = Math.max(0, Math.exp(4 - 0.3 * Math.log(price) + 0.4 * rating + (w == 0 ? 0.5 : 0)
          + (b == 1 ? 0.3 : 0) + 0.3 * rnd.nextGaussian()) - 20);
      out.add(new TabularRow("p" + i, titles[w], num, cat, sales));
    }
    return out;
  }

  static TabularRegressor regressor() {
    return TabularRegressor.newBuilder().embedder(HashingTextEmbedder.create())
        .numericColumns(List.of("price", "rating")).categoricalColumns(List.of("brand")).logTarget(true).seed(9)
        .build();
  }

  /** The rows in their order, in three partitions. */
  static Dataset<Row> frame(List<TabularRow> rows) {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("sales", DataTypes.DoubleType)
        .add("title", DataTypes.StringType).add("price", DataTypes.DoubleType)
        .add("rating", DataTypes.DoubleType).add("brand", DataTypes.StringType);
    List<Row> out = new ArrayList<>();
    for (TabularRow r : rows) {
      out.add(RowFactory.create(r.id(), r.target(), r.text().isEmpty() ? null : r.text(),
          r.numeric().get("price"), r.numeric().get("rating"), r.categorical().get("brand")));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(LocalSpark.get().sparkContext());
    return LocalSpark.get().createDataFrame(jsc.parallelize(out, 3), schema);
  }

  @BeforeAll
  static void fitBoth() {
    rows = table(1500, 4);
    local = regressor().fit(rows);
    spark = SparkTabularTrainer.of(regressor(), EmbedderFactory.hashing()).fit(frame(rows), "id", "sales",
        "title");
  }

  @Test
  void coefficientsEqualTheInProcessFitToOneMillionth() {
    assertEquals(local.featureNames(), spark.featureNames());
    assertEquals(local.ridge().lambda(), spark.ridge().lambda());
    assertEquals(local.textPenaltyRatio(), spark.textPenaltyRatio());
    assertEquals(local.derivedFeaturesKept(), spark.derivedFeaturesKept());
    assertEquals(local.interactionsKept(), spark.interactionsKept());
    Map<String, Double> a = local.coefficients();
    Map<String, Double> b = spark.coefficients();
    for (String f : a.keySet()) {
      assertEquals(a.get(f), b.get(f), 1e-6, f);
    }
    assertEquals(local.ridge().intercept(), spark.ridge().intercept(), 1e-6);
    assertEquals(local.crossValidatedR2(), spark.crossValidatedR2(), 1e-6);
    // Not a trivial model: the text, the missing indicator, the brands and derived features (knots at the
    // quartiles, log of the skewed price) are in it.
    assertTrue(local.textKept() && !local.derivedFeaturesKept().isEmpty(), local.describe());
    assertTrue(a.containsKey("rating missing") && a.containsKey("brand=b") && a.containsKey("brand=solo100"),
        a.keySet().toString());
    assertTrue(local.crossValidatedR2() > 0.5, local.describe());
    for (TabularRow r : rows.subList(0, 20)) {
      assertEquals(local.predict(r).value(), spark.predict(r).value(), 1e-6 * (1 + local.predict(r).value()));
      assertEquals(local.predict(r).high(), spark.predict(r).high(), 1e-6 * (1 + local.predict(r).high()));
    }
  }

  @Test
  void theModelFileLoadsAndPredictsInAJvmWithoutSpark(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sales.lcm");
    spark.save(file);
    String out = ServeWithoutSpark.runWithoutSpark("--tabular", file.toString());
    List<String> served = out.strip().lines().filter(l -> l.matches("[abc] .*")).toList();
    List<String> expected = ServeWithoutSpark.describe(local).lines().toList();
    assertEquals(expected.size(), served.size(), out);
    for (int i = 0; i < expected.size(); i++) {
      String[] e = expected.get(i).split(" ");
      String[] g = served.get(i).split(" ");
      assertEquals(e[0], g[0]);
      for (int j = 1; j < e.length; j++) {
        double want = Double.parseDouble(e[j]);
        assertEquals(want, Double.parseDouble(g[j]), 1e-6 * Math.abs(want), "the in-process model's: " + out);
      }
    }
  }

  @Test
  void unreadableCellsAreNamedBeforeAnyWork() {
    SparkTabularTrainer trainer = SparkTabularTrainer.of(regressor(), EmbedderFactory.hashing());
    Dataset<Row> bad = frame(rows.subList(0, 50)).withColumn("price",
        org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col("id").equalTo("p7"), "cheap")
            .otherwise(org.apache.spark.sql.functions.col("price").cast("string")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(bad, "id", "sales", "title"));
    assertTrue(e.getMessage().contains("column 'price' is not a number in [-1e15, 1e15] in 1 rows, e.g. 'cheap'"),
        e.getMessage());
    Dataset<Row> noTarget = frame(rows.subList(0, 50)).withColumn("sales",
        org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col("id").equalTo("p3"), null)
            .otherwise(org.apache.spark.sql.functions.col("sales")));
    e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(noTarget, "id", "sales", "title"));
    assertTrue(e.getMessage().contains("column 'sales' is empty or not a number in [-1e15, 1e15] in 1 rows"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(frame(rows), "id", "gmv", "title"));
    assertTrue(e.getMessage().contains("no column 'gmv'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(frame(rows.subList(0, 2)), "id", "sales",
        "title"));
    assertTrue(e.getMessage().contains("at least 3 rows"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SparkTabularTrainer.of(regressor(), null));
    TabularRegressor withTrees = regressor().toBuilder().treeLearner(new TreeLearner() {
      @Override
      public TreeEnsemble fit(double[][] x, double[] y, long seed) {
        throw new AssertionError("never called");
      }

      @Override
      public String describe() {
        return "trees(rounds=9)";
      }
    }).build();
    e = assertThrows(IllegalArgumentException.class, () -> SparkTabularTrainer.of(withTrees,
        EmbedderFactory.hashing()));
    assertTrue(e.getMessage().contains("offers boosted trees (trees(rounds=9))"), e.getMessage());
  }
}
