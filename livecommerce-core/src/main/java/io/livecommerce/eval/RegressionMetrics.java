package io.livecommerce.eval;

import io.livecommerce.internal.Checks;
import java.util.Arrays;

/**
 * Metrics of predictions against actual values: R², MAE, RMSE and Spearman rank correlation.
 *
 * <p>Every method throws {@link IllegalArgumentException} if the arrays are null, of different lengths, empty, or
 * hold a non-finite value (naming the index). Stateless and thread-safe.
 */
public final class RegressionMetrics {

  private RegressionMetrics() {}

  /**
   * The coefficient of determination {@code 1 - SS_res / SS_tot}. Negative when the predictions are worse than the
   * mean of {@code actual}.
   *
   * @throws IllegalArgumentException also if {@code actual} is constant (R² is undefined)
   */
  public static double r2(double[] actual, double[] predicted) {
    check(actual, predicted, 2);
    double mean = 0;
    for (double a : actual) {
      mean += a;
    }
    mean /= actual.length;
    double ssRes = 0;
    double ssTot = 0;
    for (int i = 0; i < actual.length; i++) {
      double r = actual[i] - predicted[i];
      double t = actual[i] - mean;
      ssRes += r * r;
      ssTot += t * t;
    }
    if (ssTot == 0) {
      throw new IllegalArgumentException("actual is constant; R² is undefined");
    }
    return 1 - ssRes / ssTot;
  }

  /** Mean absolute error. */
  public static double mae(double[] actual, double[] predicted) {
    check(actual, predicted, 1);
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      s += Math.abs(actual[i] - predicted[i]);
    }
    return s / actual.length;
  }

  /** Root mean squared error. */
  public static double rmse(double[] actual, double[] predicted) {
    check(actual, predicted, 1);
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      double r = actual[i] - predicted[i];
      s += r * r;
    }
    return Math.sqrt(s / actual.length);
  }

  /**
   * Spearman's rank correlation: Pearson correlation of the ranks, ties given their average rank.
   *
   * @throws IllegalArgumentException also if either array is constant (the correlation is undefined)
   */
  public static double spearman(double[] a, double[] b) {
    check(a, b, 2);
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    return pearson(ra, rb, "a", "b");
  }

  /**
   * Pearson's correlation.
   *
   * @throws IllegalArgumentException also if either array is constant
   */
  public static double pearson(double[] a, double[] b) {
    check(a, b, 2);
    return pearson(a, b, "a", "b");
  }

  private static double pearson(double[] a, double[] b, String nameA, String nameB) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - ma;
      double db = b[i] - mb;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    if (saa == 0) {
      throw new IllegalArgumentException(nameA + " is constant; correlation is undefined");
    }
    if (sbb == 0) {
      throw new IllegalArgumentException(nameB + " is constant; correlation is undefined");
    }
    return sab / Math.sqrt(saa * sbb);
  }

  /** Ranks from 1, ties sharing their average rank. */
  static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        r[order[t]] = avg;
      }
      i = j + 1;
    }
    return r;
  }

  private static void check(double[] actual, double[] predicted, int minLength) {
    Checks.finite(actual, "actual");
    Checks.finite(predicted, "predicted");
    Checks.sameLength(actual.length, predicted.length, "actual", "predicted");
    if (actual.length < minLength) {
      throw new IllegalArgumentException(
          "need at least " + minLength + " values but actual has " + actual.length);
    }
  }
}
