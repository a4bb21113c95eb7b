package io.livecommerce.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.regress.TreeEnsemble;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

class XGBoostTreeLearnerTest {

  /** Rows whose target needs trees: a threshold interaction and a missing-value branch. */
  static double[][] rows(int n, int d, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian();
      }
      if (r.nextInt(10) == 0) {
        row[2] = Double.NaN;
      }
    }
    return x;
  }

  static double target(double[] row) {
    return (row[0] > 0 ? 2 * row[1] : -row[1]) + (Double.isNaN(row[2]) ? 1.5 : 0.3 * row[2]);
  }

  @Test
  void javaTreesPredictAndExplainAsTheBoosterDoes() throws Exception {
    int n = 800;
    int d = 5;
    double[][] x = rows(n, d, 1);
    float[] flat = new float[n * d];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        flat[i * d + j] = (float) x[i][j];
      }
      y[i] = (float) target(x[i]);
    }
    DMatrix m = new DMatrix(flat, n, d, Float.NaN);
    m.setLabel(y);
    Map<String, Object> p = new HashMap<>();
    p.put("objective", "reg:squarederror");
    p.put("tree_method", "hist");
    p.put("max_depth", 5);
    p.put("eta", 0.1);
    p.put("nthread", 1);
    p.put("verbosity", 0);
    Booster booster = XGBoost.train(m, p, 60, Map.of(), null, null);
    TreeEnsemble trees = BoosterTrees.read(booster.toByteArray("json"), d);
    float[][] predicted = booster.predict(m);
    float[][] shap = booster.predictContrib(m, 0);
    booster.dispose();
    m.dispose();
    assertEquals(60, trees.size());
    for (int i = 0; i < n; i++) {
      assertEquals(predicted[i][0], trees.predict(x[i]), 1e-4, "prediction of row " + i);
      double[] phi = trees.contributions(x[i]);
      for (int j = 0; j < d; j++) {
        assertEquals(shap[i][j], phi[j], 1e-4, "SHAP of row " + i + " feature " + j);
      }
      assertEquals(shap[i][d], trees.expectedValue(), 1e-4, "bias of row " + i);
    }
  }

  @Test
  void sameSeedSameTreesAndEveryRoundKept() {
    double[][] x = rows(300, 4, 2);
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = target(x[i]);
    }
    XGBoostTreeLearner learner = XGBoostTreeLearner.newBuilder().rounds(40).build();
    TreeEnsemble a = learner.fit(x, y, 7);
    TreeEnsemble b = learner.fit(x, y, 7);
    assertEquals(40, a.size());
    for (double[] row : x) {
      assertEquals(a.predict(row), b.predict(row), 0.0);
    }
    double sse = 0;
    double sst = 0;
    double mean = java.util.Arrays.stream(y).average().orElseThrow();
    for (int i = 0; i < x.length; i++) {
      sse += Math.pow(y[i] - a.predict(x[i]), 2);
      sst += Math.pow(y[i] - mean, 2);
    }
    assertTrue(sse < 0.2 * sst, "training fit explains " + (1 - sse / sst));
  }

  @Test
  void badInputNamesTheFieldAndValue() {
    XGBoostTreeLearner learner = XGBoostTreeLearner.newBuilder().rounds(5).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> learner.fit(new double[][] {{1, 2}, {3}}, new double[] {1, 2}, 1));
    assertTrue(e.getMessage().contains("x[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> learner.fit(new double[][] {{1}, {3}}, new double[] {1, Double.NaN}, 1));
    assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> XGBoostTreeLearner.newBuilder().subsample(0));
    assertTrue(e.getMessage().contains("subsample") && e.getMessage().contains("0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> XGBoostTreeLearner.newBuilder().rounds(0));
    assertTrue(e.getMessage().contains("rounds"), e.getMessage());
  }

  @Test
  void baseScoreReadsBothLayouts() {
    assertEquals(0.5, BoosterTrees.baseScore("[5E-1]"));
    assertEquals(0.5, BoosterTrees.baseScore("5E-1"));
    assertThrows(IllegalStateException.class, () -> BoosterTrees.baseScore("[1,2]"));
    assertArrayEquals(new int[0], new int[0]);
  }
}
