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
  private final java.util.List<RidgeModel> foldModels;
  private final double totalSumOfSquares;

  CrossValidatedRidge(RidgeModel model, double lambda, double[] lambdas, double[] meanSquaredErrors,
      double[] outOfFold, double[] blockRatios, java.util.List<RidgeModel> foldModels, double totalSumOfSquares) {
    this.model = model;
    this.lambda = lambda;
    this.lambdas = lambdas.clone();
    this.meanSquaredErrors = meanSquaredErrors.clone();
    this.outOfFoldPredictions = outOfFold == null ? null : outOfFold.clone();
    this.blockRatios = blockRatios.clone();
    this.foldModels = java.util.List.copyOf(foldModels);
    this.totalSumOfSquares = totalSumOfSquares;
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

  /**
   * Each row's prediction by the fold model that held it out, with the chosen penalty.
   *
   * @throws IllegalStateException if this came from per-fold statistics, without the rows (use {@link #foldModel})
   */
  public double[] outOfFoldPredictions() {
    if (outOfFoldPredictions == null) {
      throw new IllegalStateException("cross-validated from per-fold statistics: predict each row with foldModel");
    }
    return outOfFoldPredictions.clone();
  }

  /** The number of folds. */
  public int folds() {
    return foldModels.size();
  }

  /**
   * The model fitted with the chosen penalty on every fold but {@code fold}: the one that predicts that fold's rows
   * out of fold.
   *
   * @throws IndexOutOfBoundsException if {@code fold} is not in {@code [0, folds())}
   */
  public RidgeModel foldModel(int fold) {
    return foldModels.get(fold);
  }

  /** {@code Σ (y - ȳ)²} over all rows, the denominator of an out-of-fold R². */
  public double totalSumOfSquares() {
    return totalSumOfSquares;
  }
}
