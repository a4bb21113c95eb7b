package io.livecommerce.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularPrediction;
import io.livecommerce.regress.TabularRegressor;
import io.livecommerce.regress.TabularRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoostedTabularTest {

  static final TextEmbedder EMBEDDER = HashingTextEmbedder.newBuilder().dimension(16).build();
  static final XGBoostTreeLearner LEARNER = XGBoostTreeLearner.newBuilder().rounds(200).threads(1).build();

  /** Sales with a price threshold that depends on the category: a step ridge can only approximate. */
  static List<TabularRow> nonlinear(int n, long seed) {
    Random r = new Random(seed);
    String[] categories = {"美妆", "数码", "食品"};
    List<TabularRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double price = 10 + r.nextInt(300);
      double followers = r.nextInt(100);
      String category = categories[r.nextInt(3)];
      double y = (category.equals("数码") ? (price > 150 ? 40 : 5) : (price < 60 ? 30 : 10))
          + 0.1 * followers + r.nextGaussian() * 2;
      Map<String, Double> numeric = new HashMap<>();
      numeric.put("price", price);
      if (i % 10 != 0) {
        numeric.put("followers", followers);
      }
      rows.add(new TabularRow("r" + i, category + " 商品 " + i, numeric, Map.of("category", category), y));
    }
    return rows;
  }

  static TabularRegressor.Builder regressor() {
    return TabularRegressor.newBuilder().embedder(EMBEDDER).numericColumns(List.of("price", "followers"))
        .categoricalColumns(List.of("category"));
  }

  static double r2(TabularModel m, List<TabularRow> rows) {
    double mean = rows.stream().mapToDouble(TabularRow::target).average().orElseThrow();
    double sse = 0;
    double sst = 0;
    for (TabularRow r : rows) {
      sse += Math.pow(r.target() - m.predict(r).value(), 2);
      sst += Math.pow(r.target() - mean, 2);
    }
    return 1 - sse / sst;
  }

  @Test
  void treesAreKeptWhereRidgeFallsShortAndNeverWorsenTheCrossValidatedFit() {
    List<TabularRow> train = nonlinear(600, 1);
    List<TabularRow> test = nonlinear(300, 2);
    TabularModel ridge = regressor().build().fit(train);
    TabularModel boosted = regressor().treeLearner(LEARNER).build().fit(train);
    assertFalse(ridge.treesKept());
    assertTrue(boosted.treesKept(), boosted.describe());
    assertTrue(boosted.treeWeight() > 0.5, "trees carry this table: " + boosted.describe());
    assertTrue(boosted.crossValidatedR2() >= ridge.crossValidatedR2(), boosted.crossValidatedR2() + " vs "
        + ridge.crossValidatedR2());
    double boostedTest = r2(boosted, test);
    assertTrue(boostedTest > r2(ridge, test) + 0.05, boostedTest + " vs ridge " + r2(ridge, test));
    assertTrue(boostedTest > 0.9, "held-out R² " + boostedTest);
    assertTrue(boosted.describe().contains("treeLearner=xgboost(rounds=200"), boosted.describe());
  }

  @Test
  void onALinearTableTheBlendLeansOnRidge() {
    Random r = new Random(3);
    List<TabularRow> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double a = r.nextGaussian();
      double b = r.nextGaussian();
      rows.add(new TabularRow("r" + i, "", Map.of("a", a, "b", b), Map.of(), 3 * a - 2 * b + 0.1 * r.nextGaussian()));
    }
    TabularModel m = TabularRegressor.newBuilder().numericColumns(List.of("a", "b")).treeLearner(LEARNER).build()
        .fit(rows);
    assertTrue(m.treeWeight() <= 0.2, "a linear target needs little of the trees: " + m.describe());
  }

  @Test
  void explanationsAddUpAndTheSavedModelPredictsTheSameWithoutXgboost(@TempDir Path dir) throws Exception {
    List<TabularRow> train = nonlinear(400, 4);
    TabularModel m = regressor().treeLearner(LEARNER).build().fit(train);
    assertTrue(m.treesKept(), m.describe());
    TabularRow row = nonlinear(5, 9).get(0);
    TabularPrediction p = m.predict(row);
    assertFalse(p.reasons().isEmpty());
    assertTrue(p.low() <= p.value() && p.value() <= p.high(), p.toString());
    Map<String, Double> byGroup = m.contributionsByGroup(row);
    assertEquals(List.of("price", "followers", "category", "text"), List.copyOf(byGroup.keySet()));
    assertTrue(Math.abs(byGroup.get("price")) > Math.abs(byGroup.get("followers")), byGroup.toString());
    Path file = dir.resolve("boosted.model");
    m.save(file);
    TabularModel back = TabularModel.load(file, EMBEDDER);
    assertTrue(back.treesKept());
    assertEquals(m.treeWeight(), back.treeWeight());
    assertEquals(m.treeRounds(), back.treeRounds());
    for (TabularRow r : nonlinear(50, 10)) {
      assertEquals(m.predict(r).value(), back.predict(r).value(), 0.0, r.id());
      assertEquals(m.contributionsByGroup(r), back.contributionsByGroup(r), r.id());
    }
    assertTrue(ModelFiles.loadWithProvenance(file, TabularModel.CODEC).provenance().toString()
        .contains("treeLearner=xgboost"));
    assertTrue(Files.size(file) > 0);
  }
}
