package io.livecommerce.regress;

/**
 * Grows a boosted tree ensemble, the second learner family {@link TabularRegressor} offers beside ridge (see {@link
 * TabularRegressor.Builder#treeLearner}). The regressor calls it once per cross-validation fold and once on all rows,
 * and chooses by the out-of-fold error how many of its trees to keep and how to blend it with ridge (all ridge, all
 * trees, or a mix). {@code livecommerce-xgboost} implements it with XGBoost; core only evaluates the trees, in Java.
 *
 * <p>Implementations must be thread-safe and deterministic: the same rows and seed give the same ensemble.
 */
public interface TreeLearner {

  /**
   * Fits trees to {@code y} on the rows of {@code x}, all of one length (NaN is a missing value), returning every
   * boosting round: the caller keeps the first {@code k} trees by {@link TreeEnsemble#limit}, so the ensemble's
   * prefixes must be models of their own (as boosting's are).
   *
   * @throws IllegalArgumentException if the rows are empty or ragged, or a target is not finite
   */
  TreeEnsemble fit(double[][] x, double[] y, long seed);

  /** The learner and its settings, for the model file's provenance and logs; never a secret. */
  String describe();
}
