package io.livecommerce.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {

  private static final double[] ACTUAL = {3, -0.5, 2, 7};
  private static final double[] PRED = {2.5, 0.0, 2, 8};

  @Test
  void worked() {
    // Residuals 0.5, -0.5, 0, -1. SSres = 1.5. mean = 2.875; SStot = 0.015625+11.390625+0.765625+17.015625 = 29.1875.
    assertEquals(1 - 1.5 / 29.1875, RegressionMetrics.r2(ACTUAL, PRED), 1e-12);
    assertEquals(0.5, RegressionMetrics.mae(ACTUAL, PRED), 1e-12);
    assertEquals(Math.sqrt(1.5 / 4), RegressionMetrics.rmse(ACTUAL, PRED), 1e-12);
  }

  @Test
  void spearmanWithTiesUsesAverageRanks() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RegressionMetrics.ranks(new double[] {1, 5, 5, 9}));
    // Monotone but non-linear: Spearman 1, Pearson < 1.
    double[] a = {1, 2, 3, 4, 5};
    double[] b = {1, 4, 9, 16, 100};
    assertEquals(1.0, RegressionMetrics.spearman(a, b), 1e-12);
    assertTrue(RegressionMetrics.pearson(a, b) < 0.95);
    assertEquals(-1.0, RegressionMetrics.spearman(a, new double[] {5, 4, 3, 2, 1}), 1e-12);
    // Worked: ranks a = 1..4, ranks b = 2,1,4,3 -> d² = 1+1+1+1 = 4 -> rho = 1 - 6*4/(4*15) = 0.6.
    assertEquals(0.6, RegressionMetrics.spearman(new double[] {1, 2, 3, 4}, new double[] {20, 10, 40, 30}), 1e-12);
  }

  @Test
  void badInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RegressionMetrics.r2(new double[] {1, 1, 1}, new double[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("constant"));
    e = assertThrows(IllegalArgumentException.class,
        () -> RegressionMetrics.mae(new double[] {1, 2}, new double[] {1}));
    assertTrue(e.getMessage().contains("actual has length 2 but predicted has length 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RegressionMetrics.rmse(new double[] {1, Double.NaN}, new double[] {1, 2}));
    assertTrue(e.getMessage().contains("actual[1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.mae(new double[0], new double[0]));
  }
}
