package io.livecommerce.math;

import io.livecommerce.internal.Checks;
import java.io.Serializable;

/**
 * The sufficient statistics of ridge regression over a set of rows (count, sums and cross-products of features and
 * target), to build where the rows are and merge elsewhere: on each partition of a cluster, say, merged with
 * {@code treeAggregate}, then handed to {@link RidgeRegression#crossValidate(java.util.List, double[], int[],
 * double[][])} one per fold.
 *
 * <p>Values are accumulated relative to a fixed shift per column (the columns' means are best, any reference point
 * is correct) so large values do not lose precision; statistics to be merged must share the shift.
 *
 * <p>Mutable and not thread-safe: one per task, merged after. Serializable, for the engines that ship it.
 */
public final class RidgeStatistics implements Serializable {

  private static final long serialVersionUID = 1L;

  final Moments moments;
  private transient double[] scratch;

  RidgeStatistics(Moments moments) {
    this.moments = moments;
  }

  /**
   * Empty statistics for rows of {@code shift.length} features.
   *
   * @param shift the reference point per column, finite (the columns' means are best)
   * @param targetShift the reference point of the target, finite
   * @throws IllegalArgumentException if a value is not finite
   */
  public static RidgeStatistics empty(double[] shift, double targetShift) {
    Checks.finite(Checks.notNull(shift, "shift"), "shift");
    Checks.finite(targetShift, "targetShift");
    return new RidgeStatistics(new Moments(shift.length, shift.clone(), targetShift));
  }

  /**
   * Adds a row.
   *
   * @return this
   * @throws IllegalArgumentException if {@code x} has the wrong length or a value is not finite (naming the column)
   */
  public RidgeStatistics add(double[] x, double y) {
    Checks.notNull(x, "x");
    Checks.sameLength(x.length, moments.d, "x", "shift");
    Checks.finite(x, "x");
    Checks.finite(y, "y");
    if (scratch == null) {
      scratch = new double[moments.d];
    }
    moments.addShifted(x, y, scratch);
    return this;
  }

  /**
   * Adds another's rows into this one.
   *
   * @return this
   * @throws IllegalArgumentException if the other has another dimension or shift
   */
  public RidgeStatistics merge(RidgeStatistics other) {
    Checks.notNull(other, "other");
    if (other.moments.d != moments.d || other.moments.yShift != moments.yShift
        || !java.util.Arrays.equals(other.moments.shift, moments.shift)) {
      throw new IllegalArgumentException("statistics to merge need the same columns and shift");
    }
    moments.addAll(other.moments);
    return this;
  }

  /** The number of rows added. */
  public long count() {
    return moments.n;
  }

  /** The number of features per row. */
  public int dimension() {
    return moments.d;
  }

  @Override
  public String toString() {
    return "RidgeStatistics{rows=" + moments.n + ", features=" + moments.d + "}";
  }
}
