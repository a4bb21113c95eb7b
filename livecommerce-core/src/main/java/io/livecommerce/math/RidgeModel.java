package io.livecommerce.math;

import io.livecommerce.internal.Checks;
import java.util.Arrays;

/**
 * A fitted linear model {@code y = intercept + Σ coefficient[j] * (x[j] - mean[j]) / scale[j]}: ridge regression on
 * standardized features with an unpenalized intercept.
 *
 * <p>Immutable and thread-safe; accessors return copies. Serializable, for engines that ship it to their workers.
 */
public final class RidgeModel implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] means;
  private final double[] scales;
  private final double[] coefficients;
  private final double intercept;
  private final double lambda;
  private final double effectiveLambda;
  private final long rows;

  /**
   * Creates a model from its parts, e.g. when loading a saved one.
   *
   * @param means per-feature means used for centering
   * @param scales per-feature standard deviations used for scaling, {@code > 0} (1 for constant features)
   * @param coefficients coefficients on standardized features
   * @param intercept the intercept (the training mean of y)
   * @param lambda the penalty asked for, {@code >= 0}
   * @param effectiveLambda the penalty used, {@code >= lambda} (larger when the system was singular)
   * @param rows training rows, {@code > 0}
   * @throws IllegalArgumentException if lengths differ or a value is not finite or out of range
   */
  public RidgeModel(
      double[] means,
      double[] scales,
      double[] coefficients,
      double intercept,
      double lambda,
      double effectiveLambda,
      long rows) {
    Checks.finite(means, "means");
    Checks.finite(scales, "scales");
    Checks.finite(coefficients, "coefficients");
    Checks.sameLength(means.length, scales.length, "means", "scales");
    Checks.sameLength(means.length, coefficients.length, "means", "coefficients");
    for (int j = 0; j < scales.length; j++) {
      if (scales[j] <= 0) {
        throw new IllegalArgumentException("scales[" + j + "] must be > 0 but was " + scales[j]);
      }
    }
    Checks.finite(intercept, "intercept");
    Checks.nonNegative(lambda, "lambda");
    Checks.nonNegative(effectiveLambda, "effectiveLambda");
    Checks.positive(rows, "rows");
    this.means = means.clone();
    this.scales = scales.clone();
    this.coefficients = coefficients.clone();
    this.intercept = intercept;
    this.lambda = lambda;
    this.effectiveLambda = effectiveLambda;
    this.rows = rows;
  }

  /** The number of features. */
  public int features() {
    return coefficients.length;
  }

  /**
   * The prediction for one row.
   *
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite value
   */
  public double predict(double[] x) {
    check(x);
    double s = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      s += coefficients[j] * ((x[j] - means[j]) / scales[j]);
    }
    return s;
  }

  /**
   * Each feature's contribution to the prediction for {@code x}: coefficient times standardized value. They sum to
   * {@code predict(x) - intercept()}.
   *
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite value
   */
  public double[] contributions(double[] x) {
    check(x);
    double[] c = new double[coefficients.length];
    for (int j = 0; j < c.length; j++) {
      c[j] = coefficients[j] * ((x[j] - means[j]) / scales[j]);
    }
    return c;
  }

  private void check(double[] x) {
    Checks.finite(x, "x");
    Checks.sameLength(x.length, coefficients.length, "x", "model features");
  }

  /** Coefficients on standardized features (comparable across features). */
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** Coefficients on the original feature scale: {@code coefficient[j] / scale[j]}. */
  public double[] rawCoefficients() {
    double[] raw = new double[coefficients.length];
    for (int j = 0; j < raw.length; j++) {
      raw[j] = coefficients[j] / scales[j];
    }
    return raw;
  }

  /** The intercept on the original scale: {@code predict} of the all-zero row. */
  public double rawIntercept() {
    double s = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      s -= coefficients[j] * means[j] / scales[j];
    }
    return s;
  }

  /** The intercept on standardized features: the training mean of y. */
  public double intercept() {
    return intercept;
  }

  /** Per-feature training means. */
  public double[] means() {
    return means.clone();
  }

  /** Per-feature training standard deviations (1 for constant features). */
  public double[] scales() {
    return scales.clone();
  }

  /** The penalty asked for. */
  public double lambda() {
    return lambda;
  }

  /** The penalty used; larger than {@link #lambda()} only when the system was singular. */
  public double effectiveLambda() {
    return effectiveLambda;
  }

  /** Training rows. */
  public long rows() {
    return rows;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RidgeModel m
        && Arrays.equals(means, m.means)
        && Arrays.equals(scales, m.scales)
        && Arrays.equals(coefficients, m.coefficients)
        && Double.compare(intercept, m.intercept) == 0
        && Double.compare(lambda, m.lambda) == 0
        && Double.compare(effectiveLambda, m.effectiveLambda) == 0
        && rows == m.rows;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coefficients) * 31 + Double.hashCode(intercept);
  }

  @Override
  public String toString() {
    return "RidgeModel{features=" + coefficients.length + ", rows=" + rows + ", lambda=" + lambda
        + (effectiveLambda != lambda ? ", effectiveLambda=" + effectiveLambda : "") + "}";
  }
}
