package io.livecommerce.math;

/**
 * The result of {@link RidgeRegression#crossValidate}: the model refitted on all rows with the chosen penalty, every
 * penalty's cross-validated error, and out-of-fold predictions (each row predicted by a model that did not see it),
 * which give honest residuals for prediction intervals.
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class CrossValidatedRidge {
  private final RidgeModel model;
  private final double lambda;
  private final double[] lambdas;
  private final double[] meanSquaredErrors;
  private final double[] outOfFoldPredictions;
  private final double[] blockRatios;

  CrossValidatedRidge(RidgeModel model, double lambda, double[] lambdas, double[] meanSquaredErrors,
      double[] outOfFold, double[] blockRatios) {
    this.model = model;
    this.lambda = lambda;
    this.lambdas = lambdas.clone();
    this.meanSquaredErrors = meanSquaredErrors.clone();
    this.outOfFoldPredictions = outOfFold.clone();
    this.blockRatios = blockRatios.clone();
  }

  /**
   * The chosen ratio of block {@code b}'s penalty to {@link #lambda()} (1 for block 0);
   * {@link Double#POSITIVE_INFINITY} when cross-validation left the block out.
   */
  public double blockRatio(int b) {
    return blockRatios[b];
  }

  /** The chosen ratio of the last block, the one the two-block overload names. */
  public double blockRatio() {
    return blockRatios[blockRatios.length - 1];
  }

  /** Whether block {@code b} is in the model. */
  public boolean blockKept(int b) {
    return !Double.isInfinite(blockRatios[b]);
  }

  /** The model refitted on all rows with {@link #lambda()}. */
  public RidgeModel model() {
    return model;
  }

  /** The chosen penalty: the one with the lowest cross-validated mean squared error. */
  public double lambda() {
    return lambda;
  }

  /** The penalties tried, in the order given. */
  public double[] lambdas() {
    return lambdas.clone();
  }

  /** Cross-validated mean squared error of each penalty at the chosen block ratios, aligned with {@link #lambdas()}. */
  public double[] meanSquaredErrors() {
    return meanSquaredErrors.clone();
  }

  /** Each row's prediction by the fold model that held it out, with the chosen penalty. */
  public double[] outOfFoldPredictions() {
    return outOfFoldPredictions.clone();
  }
}
