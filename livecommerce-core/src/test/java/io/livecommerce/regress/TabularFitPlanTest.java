package io.livecommerce.regress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.math.CrossValidatedRidge;
import io.livecommerce.math.OrderStatistics;
import io.livecommerce.math.RidgeStatistics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plan's steps, run as an engine would (partitions, fetched ranks only), give the in-process model. */
class TabularFitPlanTest {

  private static final TextEmbedder EMBEDDER = HashingTextEmbedder.create();

  /** Rows with skewed prices (a derived log feature), missing values, rare levels, blank texts. */
  static List<TabularRow> rows(int n, long seed) {
    Random rnd = new Random(seed);
    String[] brands = {"a", "b", "c", "d", "rare"};
    String[] words = {"面霜 补水", "口红 显白", "零食 坚果", "耳机 降噪", ""};
    List<TabularRow> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double price = Math.exp(3 + rnd.nextGaussian());
      double rating = 3 + 2 * rnd.nextDouble();
      int b = rnd.nextInt(i % 50 == 0 ? 5 : 4);
      int w = rnd.nextInt(5);
      Map<String, Double> num = new HashMap<>();
      num.put("price", price);
      if (rnd.nextDouble() > 0.15) {
        num.put("rating", rating);
      }
      Map<String, String> cat = rnd.nextDouble() > 0.05 ? Map.of("brand", brands[b]) : Map.of();
      double sales = Math.max(0, Math.exp(4 - 0.3 * Math.log(price) + 0.4 * rating + (w == 0 ? 0.5 : 0)
          + 0.3 * rnd.nextGaussian()) - 20);
      out.add(new TabularRow("p" + i, words[w], num, cat, sales));
    }
    return out;
  }

  static TabularRegressor regressor() {
    return TabularRegressor.newBuilder().embedder(EMBEDDER).numericColumns(List.of("price", "rating"))
        .categoricalColumns(List.of("brand")).minCategoryCount(3).logTarget(true).seed(9).build();
  }

  @Test
  void stepsRunAsAnEngineWouldGiveTheInProcessModel() throws Exception {
    List<TabularRow> rows = rows(400, 5);
    TabularRegressor regressor = regressor();
    TabularModel expected = regressor.fit(rows);

    // The summary from per-column sorts, reading only the announced ranks.
    Map<String, NumericSummary> numeric = new HashMap<>();
    for (String col : List.of("price", "rating")) {
      double[] sorted = rows.stream().map(r -> r.numeric().get(col)).filter(v -> v != null)
          .mapToDouble(Double::doubleValue).sorted().toArray();
      long[] ranks = NumericSummary.ranksNeeded(sorted.length);
      Map<Long, Double> fetched = new HashMap<>();
      for (long r : ranks) {
        fetched.put(r, sorted[(int) r]);
      }
      double mean = Arrays.stream(sorted).sum() / sorted.length;
      double s2 = 0;
      double s3 = 0;
      for (double v : sorted) {
        s2 += (v - mean) * (v - mean);
        s3 += (v - mean) * (v - mean) * (v - mean);
      }
      numeric.put(col, NumericSummary.of(sorted.length, fetched::get,
          OrderStatistics.skewness(sorted.length, s2, s3)));
    }
    Map<String, Long> brands = new HashMap<>();
    rows.forEach(r -> brands.merge(r.categorical().getOrDefault("brand", TabularModel.MISSING), 1L, Long::sum));
    long blank = rows.stream().filter(r -> r.text().isBlank()).count();
    TabularFitPlan plan = regressor.plan(new TableSummary(rows.size(), numeric, Map.of("brand", brands), blank,
        EMBEDDER.dimension()));
    assertEquals(expected.featureNames(), plan.featureNames());

    // Workers get a serialized copy; three partitions, each with statistics per fold, merged.
    TabularFitPlan shipped = roundTrip(plan);
    int k = plan.folds();
    double[] shift = new double[plan.dimension()];
    double[][] x = new double[rows.size()][];
    double[] y = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      TabularRow r = rows.get(i);
      x[i] = shipped.features(r, r.text().isBlank() ? null : EMBEDDER.embed(r.text()));
      y[i] = shipped.target(r, i);
      for (int j = 0; j < shift.length; j++) {
        shift[j] += x[i][j] / rows.size();
      }
    }
    List<RidgeStatistics> perFold = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      perFold.add(RidgeStatistics.empty(shift, 1));
    }
    for (int[] part : new int[][] {{0, 150}, {150, 151}, {151, rows.size()}}) {
      List<RidgeStatistics> local = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        local.add(RidgeStatistics.empty(shift, 1));
      }
      for (int i = part[0]; i < part[1]; i++) {
        local.get(shipped.foldOf(i)).add(x[i], y[i]);
      }
      for (int f = 0; f < k; f++) {
        perFold.get(f).merge(local.get(f));
      }
    }
    CrossValidatedRidge cv = plan.crossValidate(perFold);
    double[] residuals = new double[rows.size()];
    double sse = 0;
    for (int i = 0; i < rows.size(); i++) {
      residuals[i] = y[i] - cv.foldModel(shipped.foldOf(i)).predict(x[i]);
      sse += residuals[i] * residuals[i];
    }
    Arrays.sort(residuals);
    long[] ranks = plan.residualRanks();
    TabularModel got = plan.model(cv, sse, r -> {
      assertTrue(Arrays.binarySearch(ranks, r) >= 0, "rank " + r + " was announced");
      return residuals[(int) r];
    });

    assertEquals(expected.ridge().lambda(), got.ridge().lambda());
    assertEquals(expected.derivedFeaturesKept(), got.derivedFeaturesKept());
    assertEquals(expected.textPenaltyRatio(), got.textPenaltyRatio());
    assertArrayEquals(expected.ridge().coefficients(), got.ridge().coefficients(), 1e-9);
    assertEquals(expected.ridge().intercept(), got.ridge().intercept(), 1e-9);
    assertEquals(expected.crossValidatedR2(), got.crossValidatedR2(), 1e-9);
    TabularRow probe = rows.get(7);
    assertEquals(expected.predict(probe).high(), got.predict(probe).high(), 1e-6);
    assertTrue(expected.derivedFeaturesKept().size() + expected.featureNames().size() > 5, "a non-trivial model");
  }

  @Test
  void aShippedPlanCannotMakeTheModelAndBadSummariesAreNamed() throws Exception {
    TabularRegressor regressor = regressor();
    Map<String, Long> brands = Map.of("a", 60L);
    NumericSummary s = NumericSummary.of(new double[] {1, 2, 3});
    TabularFitPlan plan = regressor.plan(new TableSummary(60, Map.of("price", s, "rating", s),
        Map.of("brand", brands), 0, EMBEDDER.dimension()));
    TabularFitPlan shipped = roundTrip(plan);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> shipped.model(null, 0, r -> 0));
    assertTrue(e.getMessage().contains("without its embedder"), e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> regressor.plan(new TableSummary(60,
        Map.of("price", s), Map.of("brand", brands), 0, 0))).getMessage().contains("\"rating\" has no value"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new TableSummary(60, Map.of(),
        Map.of("brand", Map.of("a", 59L)), 0, 0)).getMessage().contains("count 59 rows but the table has 60"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> plan.foldOf(60)).getMessage()
        .contains("[0, 60)"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> plan.crossValidate(List.of())).getMessage()
        .contains("0 folds but the plan has 5"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> plan.target(new TabularRow("x", "", Map.of(),
        Map.of(), -1), 3)).getMessage().contains("rows[3] (id \"x\")"));
  }

  private static TabularFitPlan roundTrip(TabularFitPlan plan) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(plan);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (TabularFitPlan) in.readObject();
    }
  }
}
