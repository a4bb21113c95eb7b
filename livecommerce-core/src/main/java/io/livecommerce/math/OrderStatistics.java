package io.livecommerce.math;

import io.livecommerce.internal.Checks;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.function.LongToDoubleFunction;

/**
 * Quantiles from a few order statistics: which ranks a quantile needs, and the quantile from the values at those
 * ranks. A caller with a sorted array passes it; an engine that sorts on a cluster fetches only {@link #ranks} and
 * gets the same numbers.
 *
 * <p>The quantile {@code q} of {@code n} sorted values is linear interpolation at position {@code q (n - 1)}; the
 * median of an even count is the mean of the two middle values.
 *
 * <p>Stateless and thread-safe.
 */
public final class OrderStatistics {

  private OrderStatistics() {}

  /**
   * The ranks (0-based, ascending, distinct) whose values {@link #quantile} and {@link #median} read for these
   * quantiles of {@code n} values.
   *
   * @throws IllegalArgumentException if {@code n < 1} or a quantile is outside {@code [0, 1]}
   */
  public static long[] ranks(long n, double... quantiles) {
    Checks.positive(n, "n");
    Checks.notNull(quantiles, "quantiles");
    TreeSet<Long> out = new TreeSet<>();
    for (int i = 0; i < quantiles.length; i++) {
      Checks.inRange(quantiles[i], 0, 1, "quantiles[" + i + "]");
      long lo = low(n, quantiles[i]);
      out.add(lo);
      out.add(Math.min(n - 1, lo + 1));
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * The {@code q} quantile of {@code n} values, {@code sorted.applyAsDouble(r)} being the value of rank {@code r}
   * (ascending); reads only ranks from {@link #ranks}.
   *
   * @throws IllegalArgumentException if {@code n < 1} or {@code q} is outside {@code [0, 1]}
   */
  public static double quantile(long n, double q, LongToDoubleFunction sorted) {
    Checks.positive(n, "n");
    Checks.inRange(q, 0, 1, "q");
    Checks.notNull(sorted, "sorted");
    double pos = q * (n - 1);
    long lo = low(n, q);
    long hi = Math.min(n - 1, lo + 1);
    double a = sorted.applyAsDouble(lo);
    return a + (pos - lo) * (sorted.applyAsDouble(hi) - a);
  }

  /** The median: the middle value, or the mean of the two middle values; reads ranks from {@code ranks(n, 0.5)}. */
  public static double median(long n, LongToDoubleFunction sorted) {
    Checks.positive(n, "n");
    Checks.notNull(sorted, "sorted");
    return n % 2 == 1 ? sorted.applyAsDouble(n / 2)
        : (sorted.applyAsDouble(n / 2 - 1) + sorted.applyAsDouble(n / 2)) / 2;
  }

  /** The {@code q} quantile of an ascending array, as {@link #quantile(long, double, LongToDoubleFunction)}. */
  public static double quantile(double[] sorted, double q) {
    Checks.notNull(sorted, "sorted");
    return quantile(sorted.length, q, r -> sorted[(int) r]);
  }

  /** Population skewness {@code m3 / m2^1.5} from central moments about the mean; 0 when the values are constant. */
  public static double skewness(long n, double centralSquares, double centralCubes) {
    Checks.positive(n, "n");
    double m2 = centralSquares / n;
    double m3 = centralCubes / n;
    return m2 <= 0 ? 0 : m3 / Math.pow(m2, 1.5);
  }

  /** Population skewness of the values (two passes: the mean, then the central moments). */
  public static double skewness(double[] values) {
    Checks.notNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("values must not be empty");
    }
    double mean = Arrays.stream(values).average().orElse(0);
    double s2 = 0;
    double s3 = 0;
    for (double x : values) {
      double d = x - mean;
      s2 += d * d;
      s3 += d * d * d;
    }
    return skewness(values.length, s2, s3);
  }

  private static long low(long n, double q) {
    return (long) Math.floor(q * (n - 1));
  }
}
