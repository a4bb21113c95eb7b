package io.livecommerce.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {

  // A fixed small data set: 8 rows, 3 features on different scales (price in cents, a rate, a count).
  private static final double[][] X = {
    {8900, 0.10, 3}, {12900, 0.25, 1}, {4900, 0.05, 7}, {19900, 0.30, 2},
    {6900, 0.15, 5}, {9900, 0.20, 4}, {15900, 0.00, 6}, {2900, 0.40, 8},
  };
  private static final double[] Y = {120, 95, 210, 60, 150, 118, 88, 260};

  /** Independent reference: standardize, form the normal equations, solve by Gauss-Jordan with pivoting. */
  private static double[] referenceStandardizedCoefficients(double[][] x, double[] y, double lambda) {
    int n = x.length;
    int d = x[0].length;
    double[] mu = new double[d];
    double[] sd = new double[d];
    for (int j = 0; j < d; j++) {
      for (double[] r : x) {
        mu[j] += r[j] / n;
      }
      for (double[] r : x) {
        sd[j] += (r[j] - mu[j]) * (r[j] - mu[j]) / n;
      }
      sd[j] = Math.sqrt(sd[j]);
    }
    double ym = 0;
    for (double v : y) {
      ym += v / n;
    }
    double[][] a = new double[d][d + 1];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < d; p++) {
        double zp = (x[i][p] - mu[p]) / sd[p];
        for (int q = 0; q < d; q++) {
          a[p][q] += zp * (x[i][q] - mu[q]) / sd[q];
        }
        a[p][d] += zp * (y[i] - ym);
      }
    }
    for (int p = 0; p < d; p++) {
      a[p][p] += lambda;
    }
    for (int c = 0; c < d; c++) {
      int piv = c;
      for (int r = c + 1; r < d; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      for (int r = 0; r < d; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int k = c; k <= d; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[] w = new double[d];
    for (int p = 0; p < d; p++) {
      w[p] = a[p][d] / a[p][p];
    }
    return w;
  }

  @Test
  void ridgeEqualsIndependentNormalEquationsSolution() {
    for (double lambda : new double[] {0, 0.5, 3, 100}) {
      RidgeModel m = RidgeRegression.fit(X, Y, lambda);
      assertArrayEquals(referenceStandardizedCoefficients(X, Y, lambda), m.coefficients(), 1e-6, "lambda " + lambda);
      double ym = java.util.Arrays.stream(Y).average().orElseThrow();
      assertEquals(ym, m.intercept(), 1e-9);
      assertEquals(lambda, m.effectiveLambda());
    }
  }

  @Test
  void olsRecoversAnExactLinearRelation() {
    double[] y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      y[i] = 1 + 0.002 * X[i][0] - 30 * X[i][1] + 0.5 * X[i][2];
    }
    RidgeModel m = RidgeRegression.fit(X, y, 0);
    assertArrayEquals(new double[] {0.002, -30, 0.5}, m.rawCoefficients(), 1e-9);
    assertEquals(1, m.rawIntercept(), 1e-7);
    assertEquals(y[3], m.predict(X[3]), 1e-9);
    double[] c = m.contributions(X[3]);
    assertEquals(m.predict(X[3]) - m.intercept(), c[0] + c[1] + c[2], 1e-9);
  }

  @Test
  void singularSystemFallsBackToASmallPenaltyAndSaysSo() {
    double[][] x = new double[X.length][];
    double[] y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      x[i] = new double[] {X[i][0], X[i][0] * 2, X[i][2]}; // column 1 duplicates column 0
      y[i] = 3 + 0.01 * X[i][0] + X[i][2];
    }
    RidgeModel m = RidgeRegression.fit(x, y, 0);
    assertTrue(m.effectiveLambda() > 0, "penalty raised");
    assertEquals(0, m.lambda());
    for (int i = 0; i < x.length; i++) {
      assertEquals(y[i], m.predict(x[i]), 1e-3);
    }
  }

  @Test
  void constantFeatureGetsZeroCoefficient() {
    double[][] x = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      x[i] = new double[] {X[i][0], 7.0};
    }
    RidgeModel m = RidgeRegression.fit(x, Y, 1);
    assertEquals(0, m.coefficients()[1]);
    assertEquals(1, m.scales()[1]);
  }

  @Test
  void fewerRowsThanFeaturesIsWellPosedWithAPenalty() {
    Random rnd = new Random(5);
    double[][] x = new double[5][20];
    double[] y = new double[5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 20; j++) {
        x[i][j] = rnd.nextGaussian();
      }
      y[i] = x[i][0] + rnd.nextGaussian() * 0.1;
    }
    RidgeModel m = RidgeRegression.fit(x, y, 1.0);
    assertEquals(1.0, m.effectiveLambda());
    for (double w : m.coefficients()) {
      assertTrue(Double.isFinite(w));
    }
    RidgeModel ols = RidgeRegression.fit(x, y, 0);
    assertTrue(ols.effectiveLambda() > 0);
  }

  @Test
  void heldOutErrorFromMomentsEqualsDirectComputation() {
    RidgeModel m = RidgeRegression.fit(X, Y, 2);
    double[][] hx = {{9000, 0.12, 2}, {3000, 0.35, 9}, {17000, 0.05, 1}};
    double[] hy = {100, 240, 70};
    Moments mo = new Moments(3, new double[] {10000, 0.2, 4}, 130);
    double direct = 0;
    for (int i = 0; i < hx.length; i++) {
      mo.add(hx[i], hy[i]);
      double r = hy[i] - m.predict(hx[i]);
      direct += r * r;
    }
    assertEquals(direct, RidgeRegression.heldOutSse(m, mo), 1e-6 * Math.max(1, direct));
  }

  @Test
  void crossValidationPicksSmallPenaltyForSignalLargeForNoiseAndGivesHonestOutOfFold() {
    Random rnd = new Random(11);
    int n = 300;
    int d = 10;
    double[][] x = new double[n][d];
    double[] signal = new double[n];
    double[] noise = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = rnd.nextGaussian();
      }
      signal[i] = 3 * x[i][0] - 2 * x[i][1] + 0.1 * rnd.nextGaussian();
      noise[i] = rnd.nextGaussian();
    }
    CrossValidatedRidge s = RidgeRegression.crossValidate(x, signal, RidgeRegression.DEFAULT_LAMBDAS, 5, 1);
    assertTrue(s.lambda() <= 10, "signal lambda " + s.lambda());
    CrossValidatedRidge z = RidgeRegression.crossValidate(x, noise, RidgeRegression.DEFAULT_LAMBDAS, 5, 1);
    assertTrue(z.lambda() >= 100, "noise lambda " + z.lambda());

    // Out-of-fold predictions equal a model refitted without the row's fold.
    int[] fold = RidgeRegression.assignFolds(n, 5, 1);
    int row = 17;
    int count = 0;
    for (int f : fold) {
      if (f != fold[row]) {
        count++;
      }
    }
    double[][] tx = new double[count][];
    double[] ty = new double[count];
    int t = 0;
    for (int i = 0; i < n; i++) {
      if (fold[i] != fold[row]) {
        tx[t] = x[i];
        ty[t++] = signal[i];
      }
    }
    double expected = RidgeRegression.fit(tx, ty, s.lambda()).predict(x[row]);
    assertEquals(expected, s.outOfFoldPredictions()[row], 1e-8);
    // Same seed, same result.
    assertArrayEquals(s.meanSquaredErrors(),
        RidgeRegression.crossValidate(x, signal, RidgeRegression.DEFAULT_LAMBDAS, 5, 1).meanSquaredErrors());
  }

  @Test
  void badInputNamesRowAndColumn() {
    double[][] x = {{1, 2}, {3, 4}, {5, Double.NaN}};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(x, new double[] {1, 2, 3}, 1));
    assertTrue(e.getMessage().contains("row 2, column 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RidgeRegression.fit(new double[][] {{1}, {2}}, new double[] {1, Double.POSITIVE_INFINITY}, 1));
    assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RidgeRegression.fit(new double[][] {{1}, {2, 3}}, new double[] {1, 2}, 1));
    assertTrue(e.getMessage().contains("x[1] has 2 columns"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(new double[0][], new double[0], 1));
    assertTrue(e.getMessage().contains("at least one row"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(X, Y, -1));
    assertTrue(e.getMessage().contains("lambda"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RidgeRegression.crossValidate(X, Y, new double[] {1}, 9, 0));
    assertTrue(e.getMessage().contains("folds must be in [2, 8]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(X, Y, 1).predict(new double[2]));
    assertTrue(e.getMessage().contains("x has length 2"), e.getMessage());
  }

  @Test
  void foldsAreBalancedSeededAndDependOnPositionOnly() {
    for (int n : new int[] {7, 100, 1003}) {
      for (int k : new int[] {2, 5, 7}) {
        int[] size = new int[k];
        for (int i = 0; i < n; i++) {
          size[RidgeRegression.foldOf(i, k, 11)]++;
        }
        int min = java.util.Arrays.stream(size).min().getAsInt();
        int max = java.util.Arrays.stream(size).max().getAsInt();
        assertTrue(max - min <= 1, "n=" + n + " k=" + k + " sizes " + java.util.Arrays.toString(size));
      }
    }
    int[] a = RidgeRegression.assignFolds(500, 5, 1);
    assertArrayEquals(a, RidgeRegression.assignFolds(500, 5, 1));
    assertFalse(java.util.Arrays.equals(a, RidgeRegression.assignFolds(500, 5, 2)), "another seed, other folds");
    // Not a fixed pattern: the first rows of groups land in every fold.
    java.util.Set<Integer> firsts = new java.util.HashSet<>();
    for (int g = 0; g < 50; g++) {
      firsts.add(a[g * 5]);
    }
    assertEquals(5, firsts.size());
    assertEquals(RidgeRegression.foldOf(123_456_789_012L, 5, 1), RidgeRegression.foldOf(123_456_789_012L, 5, 1));
    assertThrows(IllegalArgumentException.class, () -> RidgeRegression.foldOf(-1, 5, 1));
    assertThrows(IllegalArgumentException.class, () -> RidgeRegression.foldOf(0, 1, 1));
  }

  @Test
  void statisticsMergedFromPartsCrossValidateAsTheRowsDo() {
    Random rnd = new Random(8);
    int n = 300;
    int d = 6;
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = 100 + rnd.nextGaussian() * (j + 1);
      }
      y[i] = 2 * x[i][0] - x[i][3] + rnd.nextGaussian();
    }
    int[] blockOf = {0, 0, 0, 1, 1, 1};
    double[][] ratios = {{1}, {0.1, 1, 10, Double.POSITIVE_INFINITY}};
    double[] lambdas = RidgeRegression.DEFAULT_LAMBDAS;
    CrossValidatedRidge fromRows = RidgeRegression.crossValidate(x, y, lambdas, blockOf, ratios, 5, 4);
    // Three "partitions" of consecutive rows, each with a statistics per fold, merged; shift is not the mean.
    double[] shift = {99, 99, 99, 99, 99, 99};
    java.util.List<RidgeStatistics> merged = new java.util.ArrayList<>();
    for (int f = 0; f < 5; f++) {
      merged.add(RidgeStatistics.empty(shift, 50));
    }
    for (int[] part : new int[][] {{0, 97}, {97, 211}, {211, n}}) {
      RidgeStatistics[] local = new RidgeStatistics[5];
      for (int f = 0; f < 5; f++) {
        local[f] = RidgeStatistics.empty(shift, 50);
      }
      for (int i = part[0]; i < part[1]; i++) {
        local[RidgeRegression.foldOf(i, 5, 4)].add(x[i], y[i]);
      }
      for (int f = 0; f < 5; f++) {
        merged.get(f).merge(local[f]);
      }
    }
    CrossValidatedRidge fromStats = RidgeRegression.crossValidate(merged, lambdas, blockOf, ratios);
    assertEquals(fromRows.lambda(), fromStats.lambda());
    assertEquals(fromRows.blockRatio(1), fromStats.blockRatio(1));
    assertArrayEquals(fromRows.model().coefficients(), fromStats.model().coefficients(), 1e-9);
    assertEquals(fromRows.model().intercept(), fromStats.model().intercept(), 1e-9);
    assertArrayEquals(fromRows.meanSquaredErrors(), fromStats.meanSquaredErrors(), 1e-9);
    assertEquals(fromRows.totalSumOfSquares(), fromStats.totalSumOfSquares(), 1e-6);
    double[] oof = fromRows.outOfFoldPredictions();
    for (int i = 0; i < n; i += 37) {
      assertEquals(oof[i], fromStats.foldModel(RidgeRegression.foldOf(i, 5, 4)).predict(x[i]), 1e-9);
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, fromStats::outOfFoldPredictions);
    assertTrue(e.getMessage().contains("foldModel"), e.getMessage());
    // Bad statistics are named.
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RidgeRegression.crossValidate(
        java.util.List.of(merged.get(0), RidgeStatistics.empty(shift, 50)), lambdas, blockOf, ratios))
        .getMessage().contains("perFold[1] holds no rows"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RidgeRegression.crossValidate(
        java.util.List.of(merged.get(0), merged.get(1).merge(RidgeStatistics.empty(new double[6], 0))), lambdas,
        blockOf, ratios)).getMessage().contains("same columns and shift"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RidgeStatistics.empty(shift, 0)
        .add(new double[] {1, 2, 3, 4, 5, Double.NaN}, 1)).getMessage().contains("x[5]"));
  }

  @Test
  void aColumnConstantInAFoldsTrainingRowsGetsNoCoefficientThere() {
    // A one-hot level of a single row: in the folds that hold the row out, the column is all zeros, and the rounding
    // left by the shifted sums (it depends on the row count) must not turn it into a feature with a scale of 1e-10.
    for (int n = 300; n < 340; n++) {
      Random rnd = new Random(n);
      double[][] x = new double[n][];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = new double[] {rnd.nextGaussian(), i == 123 ? 1 : 0, i % 3 == 0 ? 1 : 0, i % 7 == 0 ? 1 : 0};
        y[i] = x[i][0] + 0.5 * x[i][2] + 0.1 * rnd.nextGaussian();
      }
      CrossValidatedRidge cv = RidgeRegression.crossValidate(x, y, new double[] {1e-3}, 5, 3);
      RidgeModel without = cv.foldModel(RidgeRegression.foldOf(123, 5, 3));
      assertEquals(1.0, without.scales()[1], 0, "n=" + n + ": constant in training, so unit scale");
      assertEquals(0.0, without.coefficients()[1], 0, "n=" + n);
      assertTrue(Math.abs(y[123] - cv.outOfFoldPredictions()[123]) < 1, "n=" + n + ": an ordinary residual");
    }
  }
}
