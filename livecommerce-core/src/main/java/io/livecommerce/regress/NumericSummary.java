package io.livecommerce.regress;

import io.livecommerce.internal.Checks;
import io.livecommerce.math.OrderStatistics;
import java.util.Arrays;
import java.util.function.LongToDoubleFunction;

/**
 * What {@link TabularRegressor} needs to know of one numeric column's present (non-missing) training values: the
 * median it imputes missing values with, and for its derived features the quartiles (spline knots) and the
 * skewness (whether {@code log(1 + x)} is offered).
 *
 * <p>An engine that cannot hold a column in memory sorts it, fetches the values at {@link #ranksNeeded}, and calls
 * {@link #of(long, LongToDoubleFunction, double)}: the numbers equal those of the in-process fit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param present how many rows have a value, {@code >= 1}
 * @param min the smallest value
 * @param max the largest value
 * @param median the median (mean of the two middle values for an even count)
 * @param lowerQuartile the 25% quantile, interpolated as {@link OrderStatistics#quantile} does
 * @param upperQuartile the 75% quantile
 * @param skewness population skewness about the mean (0 for a constant column)
 */
public record NumericSummary(long present, double min, double max, double median, double lowerQuartile,
    double upperQuartile, double skewness) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code present < 1}, a value is not finite, or the order statistics are not
   *     in order
   */
  public NumericSummary {
    Checks.positive(present, "present");
    Checks.finite(min, "min");
    Checks.finite(max, "max");
    Checks.finite(median, "median");
    Checks.finite(lowerQuartile, "lowerQuartile");
    Checks.finite(upperQuartile, "upperQuartile");
    Checks.finite(skewness, "skewness");
    if (!(min <= lowerQuartile && lowerQuartile <= median && median <= upperQuartile && upperQuartile <= max)) {
      throw new IllegalArgumentException("need min <= lowerQuartile <= median <= upperQuartile <= max but got "
          + min + ", " + lowerQuartile + ", " + median + ", " + upperQuartile + ", " + max);
    }
  }

  /**
   * The ranks (0-based, ascending) of the sorted present values that {@link #of(long, LongToDoubleFunction,
   * double)} reads.
   */
  public static long[] ranksNeeded(long present) {
    return OrderStatistics.ranks(present, 0, 0.25, 0.5, 0.75, 1);
  }

  /**
   * The summary from the sorted values at {@link #ranksNeeded} and the skewness (see {@link
   * OrderStatistics#skewness(long, double, double)}).
   *
   * @param sorted the value of each rank in ascending order; called only for ranks from {@link #ranksNeeded}
   * @throws IllegalArgumentException as the constructor
   */
  public static NumericSummary of(long present, LongToDoubleFunction sorted, double skewness) {
    Checks.positive(present, "present");
    Checks.notNull(sorted, "sorted");
    return new NumericSummary(present, sorted.applyAsDouble(0), sorted.applyAsDouble(present - 1),
        OrderStatistics.median(present, sorted), OrderStatistics.quantile(present, 0.25, sorted),
        OrderStatistics.quantile(present, 0.75, sorted), skewness);
  }

  /**
   * The summary of the given values.
   *
   * @throws IllegalArgumentException if there are none or one is not finite
   */
  public static NumericSummary of(double[] values) {
    Checks.finite(Checks.notNull(values, "values"), "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("values must not be empty");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return of(sorted.length, r -> sorted[(int) r], OrderStatistics.skewness(sorted));
  }
}
